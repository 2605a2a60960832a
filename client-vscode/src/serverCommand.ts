// Pure logic for locating and starting the PaperLsp server.
// No `vscode` import here, so this module is unit-testable in plain node.
import * as path from 'node:path';

/** How to start the server process: `command args...` (stdio transport). */
export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, for the output channel. */
  source: 'setting' | 'bundled' | 'path';
}

export interface ResolveOptions {
  /** Value of the `paperlsp.server.path` setting (may be undefined or blank). */
  configuredPath: string | undefined;
  /** Absolute path of the installed extension (context.extensionPath). */
  extensionPath: string;
  /** process.platform; decides the bundled executable name. */
  platform: string;
  /** File-exists check (injected so tests need no real files). */
  exists: (p: string) => boolean;
  /** Home directory, for expanding a leading `~`. */
  homeDir?: string;
  /** Base folder for a relative configured path (first workspace folder). */
  baseDir?: string;
  /** The `dotnet` host used for .dll paths. */
  dotnetCommand?: string;
}

export const STDIO_ARG = '--stdio';
export const EXECUTABLE_NAME = 'paperlsp';

/** True when the path names a framework-dependent .NET assembly (`dotnet x.dll`). */
export function isDll(p: string): boolean {
  return p.toLowerCase().endsWith('.dll');
}

/** Expands `~` and resolves a relative path against baseDir (if given). */
export function normalizeConfiguredPath(raw: string, homeDir?: string, baseDir?: string): string {
  let p = raw.trim();
  if (homeDir && (p === '~' || p.startsWith('~/') || p.startsWith('~\\'))) {
    p = path.join(homeDir, p.slice(1));
  }
  // A bare command name (no separator) is left for PATH lookup.
  const hasSeparator = p.includes('/') || p.includes('\\');
  if (baseDir && hasSeparator && !path.isAbsolute(p)) {
    p = path.resolve(baseDir, p);
  }
  return p;
}

/** `paperlsp --stdio`, or `dotnet <dll> --stdio` for a .dll. */
export function commandFor(p: string, source: ServerCommand['source'], dotnetCommand = 'dotnet'): ServerCommand {
  return isDll(p)
    ? { command: dotnetCommand, args: [p, STDIO_ARG], source }
    : { command: p, args: [STDIO_ARG], source };
}

/** Candidate files of a server bundled in `<extension>/server/`, in order of preference. */
export function bundledCandidates(extensionPath: string, platform: string): string[] {
  const dir = path.join(extensionPath, 'server');
  const exe = platform === 'win32' ? `${EXECUTABLE_NAME}.exe` : EXECUTABLE_NAME;
  return [path.join(dir, exe), path.join(dir, `${EXECUTABLE_NAME}.dll`)];
}

/**
 * Resolves the server command:
 *  1. `paperlsp.server.path` when set (a .dll is run with `dotnet`);
 *  2. else the server bundled in the extension's `server/` folder, if present;
 *  3. else `paperlsp` on PATH.
 */
export function resolveServerCommand(opts: ResolveOptions): ServerCommand {
  const dotnet = opts.dotnetCommand ?? 'dotnet';
  const configured = opts.configuredPath?.trim();
  if (configured) {
    return commandFor(normalizeConfiguredPath(configured, opts.homeDir, opts.baseDir), 'setting', dotnet);
  }
  for (const candidate of bundledCandidates(opts.extensionPath, opts.platform)) {
    if (opts.exists(candidate)) {
      return commandFor(candidate, 'bundled', dotnet);
    }
  }
  return commandFor(EXECUTABLE_NAME, 'path', dotnet);
}

export const LOG_LEVELS = ['trace', 'debug', 'information', 'warning', 'error', 'critical', 'none'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'information';

/** initializationOptions sent to the server; unknown values fall back to the default. */
export function initializationOptions(logLevel: unknown): { logLevel: LogLevel } {
  const v = typeof logLevel === 'string' ? logLevel.trim().toLowerCase() : '';
  return { logLevel: (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : DEFAULT_LOG_LEVEL };
}

/** Human-readable command line for logs. */
export function describe(cmd: ServerCommand): string {
  const q = (s: string) => (/\s/.test(s) ? JSON.stringify(s) : s);
  return [cmd.command, ...cmd.args].map(q).join(' ') + ` (from ${cmd.source})`;
}
