// Starting the server process ourselves, not through vscode-languageclient's Executable options:
// the client appends its own `--stdio` to an Executable's args (once the server got it twice and refused to run),
// copies every stderr line into the output channel (the server already logs through window/logMessage, so each
// line appeared twice), and reports a clean exit as an error. Owning the process makes the argument vector exactly
// ours and lets a failed start become one piece of advice. No `vscode` import: unit-tested in plain node.
import { type ChildProcess, spawn } from 'node:child_process';
import { type ServerCommand, TailBuffer } from './serverCommand';

export interface StartedServer {
  process: ChildProcess;
  /** The last lines the server wrote to stderr (its startup errors, or a crash's stack). */
  stderr: TailBuffer;
  /** Settles when the process exits: its code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each stderr chunk while the caller wants it shown (before the server's own logging is connected). */
  onStderr?: (text: string) => void;
}

/** Spawns `cmd` with exactly `cmd.args`; resolves once the OS started it, rejects with the spawn error (ENOENT, EACCES). */
export function startServer(cmd: ServerCommand, options: SpawnOptions = {}): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.command, cmd.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stderr = new TailBuffer();
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      stderr.push(text);
      options.onStderr?.(text);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
      child.once('exit', (code, signal) => done({ code, signal }));
    });
    child.once('error', (err) => reject(err));
    child.once('spawn', () => resolve({ process: child, stderr, exited }));
  });
}

/** Waits for a process to end on its own (after LSP exit) and kills it if it does not within the grace period. */
export async function ensureStopped(server: StartedServer, graceMs = 2000): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), graceMs);
  });
  const result = await Promise.race([server.exited, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    server.process.kill();
    await server.exited;
  }
}
