import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  type StreamInfo,
  State,
} from 'vscode-languageclient/node';
import {
  type Advice,
  adviceFor,
  describe,
  initializationOptions,
  isProblem,
  type ServerCommand,
  resolveServerCommand,
} from './serverCommand';
import { ensureStopped, type StartedServer, startServer } from './serverProcess';
import { EXPORT_FORMATS, exportActiveList } from './exportCommand';
import { SHOW_RELATED_COMMAND, showRelatedPapers, toClientLens } from './relatedPapers';
import { StatusItem } from './status';

const CLIENT_ID = 'paperlsp'; // also makes the client read `paperlsp.trace.server`
const CLIENT_NAME = 'PaperLsp';
/** A server that crashes more often than this within CRASH_WINDOW_MS after it was running is not restarted. */
const MAX_RESTARTS = 3;
const CRASH_WINDOW_MS = 3 * 60_000;
/** Settings the server reads only at start. */
const RESTART_SETTINGS = [
  'paperlsp.server.path',
  'paperlsp.dotnet.path',
  'paperlsp.logLevel',
  'paperlsp.diagnostics.delayMs',
  'paperlsp.workspace.index',
  'paperlsp.completion.maxItems',
];

let session: ServerSession | undefined;
let output: vscode.OutputChannel;
let status: StatusItem;
let context: vscode.ExtensionContext;

/** One run of the server: the process, the client on it, and whether it ever got through initialize. */
class ServerSession {
  client: LanguageClient | undefined;
  server: StartedServer | undefined;
  initialized = false;
  failed = false;
  private crashes: number[] = [];

  constructor(readonly cmd: ServerCommand) {}

  async start(): Promise<void> {
    status.set('starting');
    const config = vscode.workspace.getConfiguration('paperlsp');
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'papers' },
        { scheme: 'untitled', language: 'papers' },
      ],
      initializationOptions: initializationOptions({
        logLevel: config.get('logLevel'),
        diagnosticsDelayMs: config.get('diagnostics.delayMs'),
        indexWorkspace: config.get('workspace.index'),
        maxCompletionItems: config.get('completion.maxItems'),
      }),
      outputChannel: output,
      middleware: {
        provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(toClientLens),
        resolveCodeLens: async (lens, token, next) => {
          const resolved = await next(lens, token);
          return resolved ? toClientLens(resolved) : resolved;
        },
      },
      errorHandler: {
        error: (_error, _message, count) => ({
          action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
          handled: true,
        }),
        closed: () => this.onClosed(),
      },
      initializationFailedHandler: (error) => {
        const message = error instanceof Error ? error.message : String(error);
        this.fail({ message: `PaperLsp: the server refused to initialize (${message}).`, remedies: [{ title: 'Show Output', kind: 'showOutput' }] });
        return false;
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, () => this.spawn(), clientOptions);
    // vscode-languageclient pops its own toast for every failed start and crash, and a crash loop made them vanish
    // as fast as they came. Failures become one message of ours (fail); everything else still goes to the output.
    (client as unknown as { showNotificationMessage: (type: number, message?: string) => void }).showNotificationMessage = (
      _type,
      message,
    ) => {
      if (!this.failed && message) output.appendLine(`[client] ${message}`);
    };
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.initialized = true;
        status.set('ready');
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      if (!this.failed) {
        const message = err instanceof Error ? err.message : String(err);
        this.fail({ message: `PaperLsp: could not start the language server (${message}).`, remedies: [{ title: 'Show Output', kind: 'showOutput' }] });
      }
    }
  }

  /** ServerOptions as a function: we spawn the process, so its argument vector is exactly `cmd`. */
  private async spawn(): Promise<StreamInfo> {
    output.appendLine(`Starting server: ${describe(this.cmd)}`);
    this.initialized = false;
    const server = await startServer(this.cmd, {
      cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      // Until the server is initialized its words reach us only on stderr; after that it logs through
      // window/logMessage, which the client writes to the same channel, so stderr is kept back (not shown twice).
      onStderr: (text) => {
        if (!this.initialized) output.append(text);
      },
    });
    this.server = server;
    void server.exited.then(({ code, signal }) => {
      if (this.server !== server) return;
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      output.appendLine(`Server process ${how}.`);
    });
    return { reader: server.process.stdout!, writer: server.process.stdin! };
  }

  private async onClosed(): Promise<{ action: CloseAction; handled: boolean; message?: string }> {
    const server = this.server;
    const exit = server ? await Promise.race([server.exited, delay(2000).then(() => undefined)]) : undefined;
    if (!this.initialized) {
      const stderr = server?.stderr.text() ?? '';
      this.fail(adviceFor({ code: exit?.code ?? null, signal: exit?.signal ?? null, stderr }, this.cmd));
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const tail = server?.stderr.text();
    if (tail) output.appendLine(`The server's last words on stderr:\n${tail}`);
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) {
      status.set('starting');
      return { action: CloseAction.Restart, handled: true, message: `The server stopped unexpectedly; restarting (${this.crashes.length} of ${MAX_RESTARTS}).` };
    }
    this.fail({
      message: `PaperLsp: the language server stopped unexpectedly ${this.crashes.length} times in 3 minutes and will not be restarted. The output has the details.`,
      remedies: [
        { title: 'Show Output', kind: 'showOutput' },
        { title: 'Restart Server', kind: 'restart' },
      ],
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Shows one persistent message for a failed start; the status bar keeps it reachable. */
  fail(advice: Advice): void {
    if (this.failed) return;
    this.failed = true;
    status.fail(advice.message);
    output.appendLine(advice.message);
    void showAdvice(advice);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) {
      try {
        await client.stop(2000);
      } catch {
        // A server that never started has nothing to stop.
      }
    }
    if (this.server) await ensureStopped(this.server);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function showAdvice(advice: Advice): Promise<void> {
  // Modal-free but sticky: an error notification with actions stays until the user acts or dismisses it.
  const choice = await vscode.window.showErrorMessage(advice.message, ...advice.remedies.map((r) => r.title));
  const remedy = advice.remedies.find((r) => r.title === choice);
  if (!remedy) return;
  switch (remedy.kind) {
    case 'showOutput':
      output.show(true);
      break;
    case 'openUrl':
      await vscode.env.openExternal(vscode.Uri.parse(remedy.url));
      break;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', remedy.setting);
      break;
    case 'restart':
      await start();
      break;
  }
}

function resolveCommand(): ServerCommand | Advice {
  const config = vscode.workspace.getConfiguration('paperlsp');
  const resolved = resolveServerCommand({
    configuredPath: config.get<string>('server.path'),
    configuredDotnetPath: config.get<string>('dotnet.path'),
    extensionPath: context.extensionPath,
    platform: process.platform,
    exists: (p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
    pathEnv: process.env.PATH,
    dotnetRoot: process.env.DOTNET_ROOT,
    homeDir: os.homedir(),
    baseDir: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  return isProblem(resolved) ? adviceFor(resolved) : resolved;
}

async function start(): Promise<void> {
  await stop();
  const cmd = resolveCommand();
  if ('message' in cmd) {
    output.appendLine(cmd.message);
    status.fail(cmd.message);
    void showAdvice(cmd);
    return;
  }
  session = new ServerSession(cmd);
  await session.start();
}

async function stop(): Promise<void> {
  const s = session;
  session = undefined;
  if (s) await s.stop();
  status.set('stopped');
}

/** The running client, for features that send requests of their own. */
export function activeClient(): LanguageClient | undefined {
  return session?.initialized ? session.client : undefined;
}

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  context = ctx;
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  status = new StatusItem(() => activeClient());
  ctx.subscriptions.push(output, status);

  ctx.subscriptions.push(
    vscode.commands.registerCommand('paperlsp.restartServer', () => start()),
    vscode.commands.registerCommand('paperlsp.showOutput', () => output.show(true)),
    // Sorting is the server's source action (it keeps each metadata line and directive with its entry); these
    // commands only ask for it by kind, so the palette and the lightbulb do the same thing.
    ...(['date', 'score', 'title'] as const).map((key) =>
      vscode.commands.registerCommand(`paperlsp.sortBy${key[0].toUpperCase()}${key.slice(1)}`, () =>
        vscode.commands.executeCommand('editor.action.sourceAction', { kind: `source.sort.${key}`, apply: 'first' }),
      ),
    ),
    vscode.commands.registerCommand(SHOW_RELATED_COMMAND, (uri?: string, position?: { line: number; character: number }) =>
      showRelatedPapers(activeClient(), uri, position),
    ),
    ...EXPORT_FORMATS.map(({ command, format, label }) =>
      vscode.commands.registerCommand(command, () => exportActiveList(activeClient(), format, label)),
    ),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      const changed = RESTART_SETTINGS.filter((s) => e.affectsConfiguration(s));
      if (changed.length === 0) return;
      // A server that failed or never started has nothing to lose: apply at once. A running one asks first.
      if (!session || session.failed || !session.initialized) {
        await start();
        return;
      }
      const choice = await vscode.window.showInformationMessage(
        `PaperLsp: ${changed.join(', ')} changed. Restart the server to apply it?`,
        'Restart',
      );
      if (choice === 'Restart') await start();
    }),
  );

  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
