// Names of the application types, their stages and the decisions: GET /api/types, the server's one source
// (message bundles and the deployed models), in the language of the page (the API call says which). No page
// keeps its own list of types or stages; an unknown id is shown as it is.
import { api } from './api.js';

let catalog = [];

export async function loadTypes() {
  catalog = await api.get('/api/types');
  return catalog;
}

function find(type) {
  return catalog.find((c) => c.type === type);
}

/** The type codes in the server's order. */
export function typeCodes() {
  return catalog.map((c) => c.type);
}

export function typeName(type) {
  const entry = find(type);
  return entry ? entry.name : (type || '');
}

/** The stage's name for the type; without a type (or not found there) the first type that has it. */
export function stageName(type, id) {
  if (!id) return '';
  const own = find(type);
  const stage = (own && own.stages.find((s) => s.id === id))
    || catalog.flatMap((c) => c.stages).find((s) => s.id === id);
  return stage ? stage.name : id;
}

export function decisionName(type, code) {
  const entry = find(type) || catalog[0];
  return (entry && entry.decisions[code]) || code;
}

/** The decision codes in the order the buttons show them. */
export function decisionCodes() {
  return catalog.length ? Object.keys(catalog[0].decisions) : [];
}

/**
 * Stages for a filter: those of one type, or of all types with the names a stage has in each joined
 * (Task_DistrictApprove is 区民政局审核确认 for 低保, 区民政局审批 for 临时救助). tasksOnly: user tasks only.
 */
export function stageOptions(type, tasksOnly) {
  const entries = type ? catalog.filter((c) => c.type === type) : catalog;
  const names = new Map();
  for (const entry of entries) {
    for (const stage of entry.stages) {
      if (tasksOnly && !stage.task) continue;
      if (!names.has(stage.id)) names.set(stage.id, []);
      if (!names.get(stage.id).includes(stage.name)) names.get(stage.id).push(stage.name);
    }
  }
  return [...names.entries()].map(([id, list]) => ({ id, name: list.join(' / ') }));
}
