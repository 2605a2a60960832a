// Pure logic for locating and starting the PaperLsp server, and for turning a failed start into advice.
// No `vscode` import here, so this module is unit-testable in plain node.
import * as path from 'node:path';

/** The exact process to start: `command args...`, speaking LSP on stdio. */
export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the server came from, for the output channel and the advice on failure. */
  source: 'setting' | 'bundled' | 'path';
}

/** Why no process can be started, decided before spawning anything. */
export type LaunchProblem =
  | { kind: 'server-path-missing'; path: string }
  | { kind: 'server-not-found' }
  | { kind: 'dotnet-path-missing'; path: string }
  | { kind: 'dotnet-not-found' };

export interface ResolveOptions {
  /** `paperlsp.server.path` (may be undefined or blank). */
  configuredPath: string | undefined;
  /** `paperlsp.dotnet.path` (may be undefined or blank). */
  configuredDotnetPath?: string | undefined;
  /** Absolute path of the installed extension (context.extensionPath). */
  extensionPath: string;
  /** process.platform; decides executable names and the PATH separator. */
  platform: string;
  /** Is there a file at this path (injected so tests need no real files)? */
  exists: (p: string) => boolean;
  /** The PATH the server would be started with. */
  pathEnv?: string;
  /** DOTNET_ROOT, where a .NET installed without PATH entries lives. */
  dotnetRoot?: string;
  /** Home directory, for expanding a leading `~`. */
  homeDir?: string;
  /** Base folder for a relative configured path (first workspace folder). */
  baseDir?: string;
}

export const STDIO_ARG = '--stdio';
export const EXECUTABLE_NAME = 'paperlsp';
export const DOTNET_DOWNLOAD_URL = 'https://dotnet.microsoft.com/download/dotnet/10.0';

/** True when the path names a framework-dependent .NET assembly (`dotnet x.dll`). */
export function isDll(p: string): boolean {
  return p.toLowerCase().endsWith('.dll');
}

/** Expands `~` and resolves a relative path against baseDir (if given). A bare name is left for PATH lookup. */
export function normalizeConfiguredPath(raw: string, homeDir?: string, baseDir?: string): string {
  let p = raw.trim();
  if (homeDir && (p === '~' || p.startsWith('~/') || p.startsWith('~\\'))) {
    p = path.join(homeDir, p.slice(1));
  }
  if (baseDir && hasSeparator(p) && !path.isAbsolute(p)) {
    p = path.resolve(baseDir, p);
  }
  return p;
}

function hasSeparator(p: string): boolean {
  return p.includes('/') || p.includes('\\');
}

/** The first `name` (with the platform's executable suffixes) in a PATH-like list, or undefined. */
export function findOnPath(name: string, opts: Pick<ResolveOptions, 'platform' | 'exists' | 'pathEnv'>): string | undefined {
  const win = opts.platform === 'win32';
  const dirs = (opts.pathEnv ?? '').split(win ? ';' : ':').filter((d) => d.length > 0);
  const names = win && !/\.[a-z]+$/i.test(name) ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  for (const dir of dirs) {
    for (const n of names) {
      const candidate = (win ? path.win32 : path.posix).join(dir, n);
      if (opts.exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A configured path that names a file must exist; a bare command name must be on PATH. */
function resolveConfigured(raw: string, opts: ResolveOptions): string | undefined {
  const p = normalizeConfiguredPath(raw, opts.homeDir, opts.baseDir);
  if (hasSeparator(p) || path.isAbsolute(p)) return opts.exists(p) ? p : undefined;
  return findOnPath(p, opts);
}

function resolveDotnet(opts: ResolveOptions): string | LaunchProblem {
  const configured = opts.configuredDotnetPath?.trim();
  if (configured) {
    return resolveConfigured(configured, opts) ?? { kind: 'dotnet-path-missing', path: configured };
  }
  const onPath = findOnPath('dotnet', opts);
  if (onPath) return onPath;
  if (opts.dotnetRoot) {
    const inRoot = path.join(opts.dotnetRoot, opts.platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    if (opts.exists(inRoot)) return inRoot;
  }
  return { kind: 'dotnet-not-found' };
}

/** The server bundled in the extension (`npm run package` puts it there): framework-dependent, run with dotnet. */
export function bundledServer(extensionPath: string): string {
  return path.join(extensionPath, 'server', `${EXECUTABLE_NAME}.dll`);
}

/**
 * Decides the process to start, or why none can be:
 *  1. `paperlsp.server.path` when set: an executable, or a .dll run with dotnet;
 *  2. else the server bundled in the extension (`server/paperlsp.dll`), run with dotnet;
 *  3. else `paperlsp` on PATH.
 * `--stdio` is added here, exactly once: the caller spawns this command itself, so nothing else appends arguments.
 */
export function resolveServerCommand(opts: ResolveOptions): ServerCommand | LaunchProblem {
  let server: string;
  let source: ServerCommand['source'];
  const configured = opts.configuredPath?.trim();
  if (configured) {
    const resolved = resolveConfigured(configured, opts);
    if (!resolved) return { kind: 'server-path-missing', path: configured };
    server = resolved;
    source = 'setting';
  } else if (opts.exists(bundledServer(opts.extensionPath))) {
    server = bundledServer(opts.extensionPath);
    source = 'bundled';
  } else {
    const onPath = findOnPath(EXECUTABLE_NAME, opts);
    if (!onPath) return { kind: 'server-not-found' };
    server = onPath;
    source = 'path';
  }
  if (!isDll(server)) return { command: server, args: [STDIO_ARG], source };
  const dotnet = resolveDotnet(opts);
  if (typeof dotnet !== 'string') return dotnet;
  return { command: dotnet, args: [server, STDIO_ARG], source };
}

export function isProblem(r: ServerCommand | LaunchProblem): r is LaunchProblem {
  return 'kind' in r;
}

/** What happened to a server process that ended before it finished initializing. */
export interface EarlyExit {
  code: number | null;
  signal: string | null;
  /** The last lines it wrote to stderr. */
  stderr: string;
}

/** A button on the failure message. */
export type Remedy =
  | { title: string; kind: 'openSettings'; setting: string }
  | { title: string; kind: 'openUrl'; url: string }
  | { title: string; kind: 'showOutput' }
  | { title: string; kind: 'restart' };

export interface Advice {
  message: string;
  remedies: Remedy[];
}

const showOutput: Remedy = { title: 'Show Output', kind: 'showOutput' };
const installDotnet: Remedy = { title: 'Install .NET 10', kind: 'openUrl', url: DOTNET_DOWNLOAD_URL };

/** The .NET host's words when the runtime the app needs is absent (hostfxr's messages, stable for years). */
export function isMissingRuntime(stderr: string): boolean {
  return /You must install or update \.NET|You must install \.NET|framework 'Microsoft\.NETCore\.App'.*was not found|No frameworks were found/i.test(
    stderr,
  );
}

/** One message that says what is wrong and what to do, for a problem found before or after spawning. */
export function adviceFor(problem: LaunchProblem | EarlyExit, cmd?: ServerCommand): Advice {
  if ('kind' in problem) {
    switch (problem.kind) {
      case 'server-path-missing':
        return {
          message: `PaperLsp: the server path "${problem.path}" (setting paperlsp.server.path) does not exist. Point it at the paperlsp executable or paperlsp.dll, or clear it to use the bundled server.`,
          remedies: [{ title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.server.path' }, showOutput],
        };
      case 'server-not-found':
        return {
          message:
            'PaperLsp: no language server found. This extension has no bundled server and paperlsp is not on PATH. Install the packaged extension (.vsix) or set paperlsp.server.path.',
          remedies: [{ title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.server.path' }, showOutput],
        };
      case 'dotnet-path-missing':
        return {
          message: `PaperLsp: the .NET host "${problem.path}" (setting paperlsp.dotnet.path) does not exist. Point it at the dotnet executable, or clear it to use dotnet from PATH.`,
          remedies: [{ title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.dotnet.path' }, installDotnet],
        };
      case 'dotnet-not-found':
        return {
          message:
            'PaperLsp needs the .NET 10 runtime, and no dotnet was found (PATH, DOTNET_ROOT). Install .NET 10, or set paperlsp.dotnet.path, then restart the server.',
          remedies: [installDotnet, { title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.dotnet.path' }],
        };
    }
  }
  if (isMissingRuntime(problem.stderr)) {
    return {
      message: 'PaperLsp needs the .NET 10 runtime, and the dotnet found has no .NET 10. Install .NET 10, then restart the server.',
      remedies: [installDotnet, showOutput],
    };
  }
  const how = problem.signal ? `was killed by ${problem.signal}` : `exited with code ${problem.code}`;
  const where = cmd ? ` (${describe(cmd)})` : '';
  const settingHint = cmd?.source === 'setting' ? ' Check paperlsp.server.path.' : '';
  return {
    message: `PaperLsp: the language server ${how} while starting${where}.${settingHint} The output has its last words.`,
    remedies: [showOutput, { title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.server.path' }],
  };
}

export const LOG_LEVELS = ['trace', 'debug', 'information', 'warning', 'error', 'critical', 'none'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'information';

/** The server's typed initialization options; unknown or out-of-range values fall back to the defaults. */
export interface InitializationOptions {
  logLevel: LogLevel;
  diagnosticsDelayMs: number;
}

export function initializationOptions(settings: { logLevel?: unknown; diagnosticsDelayMs?: unknown }): InitializationOptions {
  const v = typeof settings.logLevel === 'string' ? settings.logLevel.trim().toLowerCase() : '';
  const delay = settings.diagnosticsDelayMs;
  return {
    logLevel: (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : DEFAULT_LOG_LEVEL,
    diagnosticsDelayMs:
      typeof delay === 'number' && Number.isInteger(delay) && delay >= 0 && delay <= 10_000 ? delay : 0,
  };
}

/** Human-readable command line for logs. */
export function describe(cmd: ServerCommand): string {
  const q = (s: string) => (/\s/.test(s) ? JSON.stringify(s) : s);
  return [cmd.command, ...cmd.args].map(q).join(' ') + ` (from ${cmd.source})`;
}

/** Keeps the last lines written to a stream, for the advice when a process dies. */
export class TailBuffer {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max = 40) {}
  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  text(): string {
    return [...this.lines, ...(this.partial ? [this.partial] : [])].join('\n');
  }
}
