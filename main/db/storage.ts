import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether a data file lives on a network share. SQLite's WAL mode needs every connection on one computer (it shares
 * memory through the -shm file) and network file systems often break its file locks, so on a share the file is used
 * in the one way SQLite supports there: a rollback journal (journal_mode=DELETE) and one program holding the file
 * exclusively (locking_mode=EXCLUSIVE), with the writer lock (writer-lock.ts) telling everybody else who has it.
 */
export interface StorageInfo {
  network: boolean;
  /** What was found, for the message: "网络共享文件夹 \\server\share" / "cifs 网络文件系统 //nas/data". */
  detail: string | null;
}

export const LOCAL_STORAGE: StorageInfo = { network: false, detail: null };

/** File system types of network shares as /proc/mounts names them (gvfs: the file manager's smb:// mounts). */
const NETWORK_FS =
  /^(cifs|smb3?|smbfs|nfs4?|ncpfs|afs|coda|ceph|glusterfs|9p|davfs|fuse\.(gvfsd-fuse|sshfs|davfs2|s3fs|rclone|curlftpfs))$/i;

/** statfs f_type values of network file systems (Linux magic numbers), for when /proc/mounts cannot be read. */
const NETWORK_MAGIC = new Map<number, string>([
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x517b, 'smb'],
  [0x6969, 'nfs'],
  [0x564c, 'ncp'],
  [0x5346414f, 'afs'],
  [0x6b414653, 'afs'],
  [0x73757245, 'coda'],
  [0x00c36400, 'ceph'],
]);

/** `\\server\share\…` or `//server/share/…`, also in the long form `\\?\UNC\server\share\…`. */
export function uncShare(p: string): string | null {
  const m = /^(?:\\\\\?\\UNC\\|[\\/]{2})(?!\?|\.)([^\\/]+)[\\/]([^\\/]+)/i.exec(p);
  return m ? `\\\\${m[1]}\\${m[2]}` : null;
}

/** The mount /proc/mounts lists for a path (the longest mount point containing it): its type and source. */
export function mountOf(mountsText: string, file: string): { type: string; source: string; point: string } | null {
  // Mount points are written with spaces and some other characters as octal escapes (\040).
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  let best: { type: string; source: string; point: string } | null = null;
  for (const line of mountsText.split('\n')) {
    const [source, rawPoint, type] = line.split(' ');
    if (!rawPoint || !type) continue;
    const point = unescape(rawPoint);
    const inside = point === '/' || file === point || file.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length >= best.point.length)) best = { type, source: unescape(source), point };
  }
  return best;
}

/** Decides from what the system says; the pieces are passed in so every platform's rule can be tested anywhere. */
export function classifyStorage(input: {
  platform: NodeJS.Platform;
  /** The folder of the data file as given and as the system resolves it (Windows: a mapped drive becomes \\server\share). */
  dir: string;
  resolvedDir: string;
  mountsText?: string | null;
  statfsType?: number | null;
}): StorageInfo {
  const unc = uncShare(input.resolvedDir) ?? uncShare(input.dir);
  if (unc) return { network: true, detail: `网络共享文件夹 ${unc}` };
  if (input.platform === 'win32') return LOCAL_STORAGE;
  if (input.mountsText) {
    const m = mountOf(input.mountsText, input.resolvedDir);
    if (m && NETWORK_FS.test(m.type)) return { network: true, detail: `${m.type} 网络文件系统 ${m.source}` };
    if (m) return LOCAL_STORAGE;
  }
  const magic = input.statfsType == null ? undefined : NETWORK_MAGIC.get(input.statfsType);
  return magic ? { network: true, detail: `${magic} 网络文件系统` } : LOCAL_STORAGE;
}

/**
 * Where the data file is stored, from cheap local facts only (no child process, no network round trip): Windows
 * resolves a mapped network drive to its \\server\share path (GetFinalPathNameByHandle through realpath.native);
 * Linux says what is mounted where in /proc/mounts (statfs as a fallback). Anything unknown counts as local.
 */
export function detectStorage(dbPath: string): StorageInfo {
  const dir = path.dirname(path.resolve(dbPath));
  let resolvedDir = dir;
  try {
    resolvedDir = fs.realpathSync.native(dir);
  } catch {
    // Not there yet (a new file's folder is made at open): judge the path as written.
  }
  let mountsText: string | null = null;
  let statfsType: number | null = null;
  if (process.platform !== 'win32') {
    try {
      mountsText = fs.readFileSync('/proc/mounts', 'utf8');
    } catch {
      // Not Linux, or /proc not mounted.
    }
    if (!mountsText) {
      try {
        statfsType = fs.statfsSync(resolvedDir).type;
      } catch {
        // Unknown: local.
      }
    }
  }
  return classifyStorage({ platform: process.platform, dir, resolvedDir, mountsText, statfsType });
}
