/**
 * The fake Slack Web API of the ack benchmark, in a process of its own: Slack's API runs on Slack's
 * machines, so answering the bot's `chat.postMessage` calls must not take the bot's event loop.
 * Prints `{"apiUrl","responseUrl"}` as one JSON line once listening; then answers each line read on
 * stdin, a Web API method name, with the number of calls of that method so far; exits when stdin ends.
 */
import readline from 'node:readline';
import { startFakeSlackApi } from '../test/fakes/slack-api.js';

export interface FakeApiAddress {
  apiUrl: string;
  responseUrl: string;
}

const api = await startFakeSlackApi();
const address: FakeApiAddress = { apiUrl: api.apiUrl, responseUrl: api.responseUrl() };
process.stdout.write(`${JSON.stringify(address)}\n`);
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (method) => process.stdout.write(`${api.callsOf(method.trim()).length}\n`));
lines.on('close', () => void api.close());
