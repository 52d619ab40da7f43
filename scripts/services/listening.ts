/**
 * Which TCP ports a process tree listens on, and on which addresses: its PIDs' socket inodes
 * (/proc/PID/fd) matched against the LISTEN entries of /proc/net/tcp and /proc/net/tcp6.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Listener {
  address: string;
  port: number;
  pid: number;
  command: string;
}

/** The PID and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode) inodes.add(inode);
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    // gone
  }
  return inodes;
}

function decodeAddress(hex: string): string {
  if (hex.length === 8) {
    return [3, 2, 1, 0].map((index) => parseInt(hex.slice(index * 2, index * 2 + 2), 16)).join('.');
  }
  // tcp6: four 32-bit words, each in host (little-endian) byte order.
  const bytes: string[] = [];
  for (let word = 0; word < 4; word += 1) {
    const chunk = hex.slice(word * 8, word * 8 + 8);
    for (let index = 3; index >= 0; index -= 1) bytes.push(chunk.slice(index * 2, index * 2 + 2));
  }
  const groups: string[] = [];
  for (let index = 0; index < 16; index += 2) {
    groups.push(String(parseInt(bytes[index]! + bytes[index + 1]!, 16).toString(16)));
  }
  const full = groups.join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  const mapped = /^0:0:0:0:0:ffff:([0-9a-f]+):([0-9a-f]+)$/.exec(full);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return `::ffff:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return full;
}

/** Every listening TCP socket of the process tree rooted at `root`. */
export function listeners(root: number): Listener[] {
  const byInode = new Map<string, { pid: number; command: string }>();
  for (const pid of processTree(root)) {
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    for (const inode of socketInodes(pid)) byInode.set(inode, { pid, command });
  }
  const found: Listener[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] !== '0A') continue; // LISTEN
      const owner = byInode.get(fields[9] ?? '');
      if (!owner) continue;
      const [address, port] = (fields[1] ?? ':').split(':') as [string, string];
      found.push({ address: decodeAddress(address), port: parseInt(port, 16), ...owner });
    }
  }
  return found;
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped form. */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}
