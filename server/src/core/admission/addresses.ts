// IP addresses, CIDR blocks, ports and unix socket paths, with the webhook's messages.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX16 = /^[0-9a-fA-F]{1,4}$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

export function isIPv6(input: string): boolean {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) {
    if (zone === s.length - 1) return false;
    s = s.slice(0, zone);
  }
  if (!s.includes(':')) return false;
  let groups = 8;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const parse = (h: string): string[] | undefined => {
    if (h === '') return [];
    const g = h.split(':');
    return g.every((x) => HEX16.test(x)) ? g : undefined;
  };
  const left = parse(halves[0]);
  if (!left) return false;
  if (halves.length === 1) return left.length === groups;
  const right = parse(halves[1]);
  if (!right) return false;
  groups -= 1; // `::` stands for at least one group
  return left.length + right.length <= groups;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** `addr/bits` as Go's netip.ParsePrefix accepts it (no zone, decimal bits without leading zeros). */
export function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bits) || addr.includes('%')) return false;
  if (isIPv4(addr)) return Number(bits) <= 32;
  return isIPv6(addr) && Number(bits) <= 128;
}

export function validatePort(port: number): string | undefined {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

export function validateIPAddress(addr: string): string | undefined {
  return isIP(addr) ? undefined : `${addr} is not a valid IP`;
}

/** An IP or a CIDR block (Istio's ValidateIPSubnet). */
export function validateIPSubnet(subnet: string): string | undefined {
  if (subnet.split('/').length === 2) return isCIDR(subnet) ? undefined : `${subnet} is not a valid CIDR block`;
  return validateIPAddress(subnet);
}

/** Path after `unix://`: absolute file path or abstract socket (`@name`). */
export function validateUnixAddress(addr: string): string | undefined {
  if (addr.length === 0) return 'unix address must not be empty';
  if (addr.startsWith('@')) return undefined;
  if (!addr.startsWith('/') || addr.endsWith('/')) return `${addr} is not an absolute path to a file`;
  return undefined;
}
