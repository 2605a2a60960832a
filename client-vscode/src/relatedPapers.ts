import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's answer to `paperlist/relatedPapers`, best first. */
export interface RelatedPaper {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  title: string;
  authors: string[];
  score: number;
  reasons: string[];
}

/** The command the server puts on its code lenses; the client shows a quick pick for it instead of asking the server. */
export const SERVER_RELATED_COMMAND = 'paperlsp.relatedPapers';
export const SHOW_RELATED_COMMAND = 'paperlsp.showRelatedPapers';

interface RelatedPick extends vscode.QuickPickItem {
  paper: RelatedPaper;
}

/**
 * Lists the papers related to the entry at the cursor (or at the position a code lens passed) and opens the chosen
 * one with its title selected. Arguments, when given, are the server's: a URI string and an LSP position.
 */
export async function showRelatedPapers(
  client: LanguageClient | undefined,
  uriArgument?: string,
  positionArgument?: { line: number; character: number },
): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage('PaperLsp: the language server is not running, so related papers are not known.');
    return;
  }
  const editor = vscode.window.activeTextEditor;
  let uri: string;
  let position: { line: number; character: number };
  if (uriArgument && positionArgument) {
    uri = uriArgument;
    position = positionArgument;
  } else if (editor && editor.document.languageId === 'papers') {
    uri = client.code2ProtocolConverter.asUri(editor.document.uri);
    position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  } else {
    void vscode.window.showWarningMessage('PaperLsp: put the cursor on an entry of a .papers list to see its related papers.');
    return;
  }
  let papers: RelatedPaper[];
  try {
    papers = await client.sendRequest<RelatedPaper[]>('paperlist/relatedPapers', { textDocument: { uri }, position, limit: 20 });
  } catch (err) {
    void vscode.window.showErrorMessage(`PaperLsp: related papers failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (papers.length === 0) {
    void vscode.window.showInformationMessage('PaperLsp: no related papers for this entry in the workspace.');
    return;
  }
  const picks: RelatedPick[] = papers.map((paper) => {
    const target = client.protocol2CodeConverter.asUri(paper.uri);
    return {
      label: paper.title,
      description: paper.authors.join(', '),
      detail: `${paper.reasons.join(' · ')}  —  ${vscode.workspace.asRelativePath(target)}:${paper.range.start.line + 1}`,
      paper,
    };
  });
  const chosen = await vscode.window.showQuickPick(picks, {
    title: 'Related Papers',
    placeHolder: 'Papers related to this entry, best first',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return;
  const target = client.protocol2CodeConverter.asUri(chosen.paper.uri);
  const range = client.protocol2CodeConverter.asRange(chosen.paper.range);
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { selection: range, preview: false });
}

/** A code lens whose command is the server's related-papers command runs the quick pick instead. */
export function toClientLens(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (command?.command === SERVER_RELATED_COMMAND) {
    lens.command = { ...command, command: SHOW_RELATED_COMMAND };
  }
  return lens;
}
