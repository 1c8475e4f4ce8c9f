export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface CliCommand {
  /** Returns the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}
