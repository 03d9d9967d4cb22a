/**
 * The entry point of the validation worker (bundled as dist/validationWorker.js): runs dockerfile-utils'
 * validation off the server's thread, one request at a time, so that a long validation of a large file
 * never holds back the diagnostics of the next keystroke. Requests and answers are plain data.
 */
import { parentPort } from 'node:worker_threads';
import type { ValidationAnswer, ValidationRequest } from './validationMessages';
import { validateWithService } from './serviceValidation';
import { errorDetail } from '../../analysis/errorDetail';

const port = parentPort;
if (port) {
  port.on('message', (request: ValidationRequest) => {
    let answer: ValidationAnswer;
    try {
      answer = { id: request.id, diagnostics: validateWithService(request.text) };
    } catch (error) {
      answer = { id: request.id, error: errorDetail(error) };
    }
    port.postMessage(answer);
  });
}
