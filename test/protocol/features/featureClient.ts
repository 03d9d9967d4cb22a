/**
 * Starts the real server in this process with every feature, and opens marked fixtures in it, so each
 * feature test is a fixture, a request and the expected answer.
 */
import { startInProcessServer, useClient, type TestClient } from '../lspTestClient';
import { mark, withCrlf, type MarkedText } from './markedText';

let documentCounter = 0;

/** The server with every feature, started for the enclosing suite (see useClient); call it inside `describe`. */
export function useFeatureServer(): TestClient {
  return useClient(() => startInProcessServer({}));
}

/** Opens the fixture (markers stripped) under a fresh URI and returns the URI with the marks. */
export async function openMarked(
  client: TestClient,
  source: string,
  options: { crlf?: boolean; name?: string } = {},
): Promise<MarkedText & { uri: string }> {
  const marked = mark(options.crlf ? withCrlf(source) : source);
  documentCounter++;
  const uri = `file:///work/features/${documentCounter}/${options.name ?? 'Dockerfile'}`;
  await client.open(uri, marked.text);
  return { ...marked, uri };
}

/** `{ textDocument, position }` for a request at the fixture's n-th cursor. */
export function at(document: MarkedText & { uri: string }, cursor = 0) {
  const position = document.cursors[cursor];
  if (!position) {
    throw new Error(`the fixture has no cursor #${cursor}`);
  }
  return { textDocument: { uri: document.uri }, position };
}
