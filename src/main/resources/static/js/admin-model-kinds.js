// What kind of model a file is (BPMN, DMN or a Camunda Form), told by its content, and the file
// extension of each kind as the server names them.
export const EXTENSIONS = { process: 'bpmn', decision: 'dmn', form: 'form' };
export const UPLOAD_KEY = 'mz.model-upload';

export function kindOf(text) {
  const head = text.trimStart();
  if (head.startsWith('{')) return 'form';
  if (/xmlns(:\w+)?="https?:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/MODEL"/.test(text)) return 'process';
  if (/xmlns(:\w+)?="https?:\/\/www\.omg\.org\/spec\/DMN\//.test(text)) return 'decision';
  return null;
}

/** The kind GET /api/admin/models names ("bpmn", "dmn", "form") as the pages name it. */
export function listedKind(kind) {
  return { bpmn: 'process', dmn: 'decision' }[kind] || kind;
}
