// The login page: the form posts to Spring Security with the CSRF token of the MZ-XSRF-TOKEN cookie.
import { csrfToken } from './api.js';
import { lang, loadTexts, setLang, t, translatePage } from './i18n.js';
import { showMessage } from './ui.js';

await loadTexts();
translatePage();
const params = new URLSearchParams(location.search);
const message = document.getElementById('login-message');
if (params.has('error')) showMessage(message, t('login.failed'));
else if (params.has('logout')) showMessage(message, t('login.loggedOut'), 'success');
else if (params.has('expired')) showMessage(message, t('login.expired'));

const form = document.getElementById('login-form');
form.addEventListener('submit', () => { form.elements._csrf.value = csrfToken(); });
document.getElementById('lang-switch').addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); location.reload(); });
document.body.dataset.ready = 'true';
