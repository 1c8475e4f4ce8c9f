// Local TCP listener on 127.0.0.1 whose connections are carried to a pod port over client-node's
// PortForward (WebSocket, portforward.k8s.io channels), the way `kubectl port-forward` works.
import { PortForward } from '@kubernetes/client-node';
import * as net from 'node:net';
import { PassThrough } from 'node:stream';
import type { Kube } from './kubeClient';
import { oneLine } from '../errors';

interface Closable { close(): void; on?(event: string, cb: () => void): void }

export interface LocalForward {
  port: number;
  /** Last text the API server sent on the error channel (e.g. "connection refused" from the pod). */
  lastError(): string;
  close(): Promise<void>;
}

export async function forwardPodPort(kube: Kube, namespace: string, pod: string, remotePort: number): Promise<LocalForward> {
  const forwarder = new PortForward(kube.kc, false);
  const sockets = new Set<net.Socket>();
  const channels = new Set<Closable>();
  let lastError = '';
  let closed = false;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const errors = new PassThrough();
    errors.on('data', (d: Buffer) => { lastError = oneLine(d.toString('utf8')) || lastError; });
    forwarder.portForward(namespace, pod, [remotePort], socket, errors, socket)
      .then((ws) => {
        const channel = (typeof ws === 'function' ? ws() : ws) as unknown as Closable | null;
        if (!channel) { socket.destroy(); return; }
        if (closed) { channel.close(); return; } // the forward was closed while this one connected
        channels.add(channel);
        channel.on?.('close', () => { channels.delete(channel); socket.end(); });
        socket.on('close', () => channel.close());
      })
      .catch((e: unknown) => {
        const text = oneLine(String((e as Error)?.message ?? e));
        const status = /Unexpected server response: (\d+)/.exec(text)?.[1];
        lastError = status
          ? `the API server answered HTTP ${status} to the port-forward of ${namespace}/${pod}${status === '404' ? ' (no such pod)' : status === '403' ? ' (forbidden)' : ''}`
          : text || 'port-forward failed';
        socket.destroy();
      });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    lastError: () => lastError,
    close: () => new Promise<void>((resolve) => {
      closed = true;
      for (const c of channels) c.close();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
