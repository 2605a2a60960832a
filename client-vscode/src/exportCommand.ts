import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The export formats the server offers (`paperlsp/export`), as the palette names them. */
export const EXPORT_FORMATS = [
  { command: 'paperlsp.exportBibTeX', format: 'bibtex', label: 'BibTeX' },
  { command: 'paperlsp.exportBibLaTeX', format: 'biblatex', label: 'BibLaTeX' },
  { command: 'paperlsp.exportCslJson', format: 'csl-json', label: 'CSL-JSON' },
  { command: 'paperlsp.exportRis', format: 'ris', label: 'RIS' },
] as const;

interface ExportResult {
  text: string;
  extension: string;
}

/**
 * Exports the active list, or the entries the selection touches, through the server, and saves the text where the user
 * says. The server never writes a file; this command does, and only after the save dialog.
 */
export async function exportActiveList(client: LanguageClient | undefined, format: string, label: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'papers') {
    void vscode.window.showWarningMessage('PaperLsp: open a .papers list to export it.');
    return;
  }
  if (!client) {
    void vscode.window.showWarningMessage('PaperLsp: the language server is not running, so nothing can be exported.');
    return;
  }
  const selection = editor.selection;
  const range = selection.isEmpty ? undefined : client.code2ProtocolConverter.asRange(selection);
  let result: ExportResult;
  try {
    result = await client.sendRequest<ExportResult>('paperlsp/export', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
      format,
      range,
    });
  } catch (err) {
    void vscode.window.showErrorMessage(`PaperLsp: export as ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const source = editor.document.uri;
  const base = path.posix.basename(source.path).replace(/\.papers$/i, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: source.with({ path: path.posix.join(path.posix.dirname(source.path), `${base}.${result.extension}`) }),
    filters: { [label]: [result.extension] },
    saveLabel: `Export as ${label}`,
    title: `Export ${selection.isEmpty ? 'the list' : 'the selected entries'} as ${label}`,
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void vscode.window.showInformationMessage(`PaperLsp: exported as ${label} to ${vscode.workspace.asRelativePath(target)}.`);
}
