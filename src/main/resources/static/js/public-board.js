// The public 公示 board (no login): the cases on 公示 by street and community, and the 异议 form that
// answers with a receipt number. Plain fetch: no session, no CSRF token (see PublicBoardController).
const streetSelect = document.getElementById('street');
const communitySelect = document.getElementById('community');
const list = document.getElementById('notices');
const boardMessage = document.getElementById('board-message');
const section = document.getElementById('objection');
const form = document.getElementById('objection-form');
const formMessage = document.getElementById('objection-message');
let places = [];
let target = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function show(node, text, kind) {
  node.textContent = text;
  node.className = kind === 'error' ? 'message error' : 'message success';
  node.hidden = false;
}

const day = (iso) => (iso ? iso.substring(0, 10) : '');

function fillCommunities() {
  communitySelect.replaceChildren(el('option', { value: '' }, '全部社区'));
  places.filter((p) => p.level === 'community' && p.parentCode === streetSelect.value)
    .forEach((p) => communitySelect.append(el('option', { value: p.code }, p.name)));
}

async function load() {
  document.body.dataset.ready = 'false';
  const region = communitySelect.value || streetSelect.value;
  const response = await fetch('/public/notices' + (region ? '?regionCode=' + encodeURIComponent(region) : ''),
    { headers: { Accept: 'application/json' } });
  const notices = response.ok ? await response.json() : [];
  list.replaceChildren();
  document.body.dataset.ready = 'true';
  if (!notices.length) {
    list.append(el('p', { class: 'empty' }, '当前没有正在公示的事项。'));
    return;
  }
  list.append(el('table', { class: 'data', id: 'notice-table' },
    el('thead', {}, el('tr', {}, ...['社区/街道', '姓名', '事项', '家庭人口', '金额（元/月）', '公示期', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...notices.map((n) => {
      const button = el('button', { type: 'button', class: 'secondary object', 'data-notice-id': n.id }, '提出异议');
      button.addEventListener('click', () => openForm(n));
      return el('tr', { 'data-notice-id': n.id },
        el('td', {}, n.regionName || ''), el('td', { class: 'masked-name' }, n.maskedName || ''),
        el('td', {}, n.typeName || n.type), el('td', {}, n.householdSize == null ? '' : String(n.householdSize)),
        el('td', {}, n.amount == null ? '' : String(n.amount)), el('td', {}, `${day(n.startsAt)} 至 ${day(n.endsAt)}`),
        el('td', {}, button));
    }))));
}

function openForm(notice) {
  target = notice;
  document.getElementById('objection-target').textContent =
    `对 ${notice.regionName || ''} ${notice.maskedName}（${notice.typeName || notice.type}）的公示提出异议`;
  form.hidden = false;
  formMessage.hidden = true;
  section.hidden = false;
  document.getElementById('objection-content').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const content = document.getElementById('objection-content').value.trim();
  const contact = document.getElementById('objection-contact').value.trim();
  const response = await fetch(`/public/notices/${encodeURIComponent(target.id)}/objections`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'zh-CN' },
    body: JSON.stringify({ content, contact: contact || null }),
  });
  const data = await response.json().catch(() => ({}));
  if (response.status === 201) {
    form.reset();
    form.hidden = true;
    formMessage.replaceChildren('异议已收到，回执编号：', el('strong', { id: 'receipt-no' }, data.receiptNo), '。请保存回执编号以便查询。');
    formMessage.className = 'message success';
    formMessage.hidden = false;
  } else {
    show(formMessage, data.detail || `提交失败（${response.status}）`, 'error');
  }
});

document.getElementById('objection-cancel').addEventListener('click', () => { section.hidden = true; });
streetSelect.addEventListener('change', () => { fillCommunities(); load(); });
communitySelect.addEventListener('change', load);

try {
  const response = await fetch('/public/places', { headers: { Accept: 'application/json' } });
  places = response.ok ? await response.json() : [];
  places.filter((p) => p.level === 'street').forEach((p) => streetSelect.append(el('option', { value: p.code }, p.name)));
  await load();
} catch (e) {
  show(boardMessage, '公示栏暂时无法加载，请稍后再试。', 'error');
  document.body.dataset.ready = 'true';
}
