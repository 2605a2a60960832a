import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { describe, initializationOptions, resolveServerCommand } from './serverCommand';

const CLIENT_ID = 'paperlsp'; // also makes the client read `paperlsp.trace.server`
const CLIENT_NAME = 'PaperLsp';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
let watcher: vscode.FileSystemWatcher | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const config = vscode.workspace.getConfiguration('paperlsp');
  const cmd = resolveServerCommand({
    configuredPath: config.get<string>('server.path'),
    extensionPath: context.extensionPath,
    platform: process.platform,
    exists: (p) => fs.existsSync(p),
    homeDir: os.homedir(),
    baseDir: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  outputChannel!.appendLine(`Starting server: ${describe(cmd)}`);

  const executable = { command: cmd.command, args: cmd.args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'papers' },
      { scheme: 'untitled', language: 'papers' },
    ],
    initializationOptions: initializationOptions(config.get<string>('logLevel')),
    outputChannel,
    synchronize: {
      fileEvents: watcher,
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window
      .showErrorMessage(
        `PaperLsp: could not start the language server (${message}). Set "paperlsp.server.path" to the paperlsp executable or paperlsp.dll.`,
        'Open Settings',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'paperlsp.server.path');
      });
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch {
      // The server may never have started; nothing to stop.
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  watcher = vscode.workspace.createFileSystemWatcher('**/*.papers');
  context.subscriptions.push(outputChannel, watcher);

  context.subscriptions.push(
    vscode.commands.registerCommand('paperlsp.restartServer', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('paperlsp.server.path') || e.affectsConfiguration('paperlsp.logLevel')) {
        await stop();
        await start(context);
      }
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
