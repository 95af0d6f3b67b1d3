// The page's two languages. Static text carries data-i18n="key" (data-i18n-placeholder, data-i18n-aria for
// attributes); code asks t(key, params). Changing the language re-labels the page and fires 'langchange' so panels
// can re-render what they built (the questionnaire is fetched again in the new language).

const STRINGS = {
  zh: {
    'app.title': 'AIGC 演练场',
    'key.label': 'API 密钥',
    'key.placeholder': '匿名访问开启时可留空',
    'key.note': '密钥只保存在本标签页的 sessionStorage 中，关闭标签页即清除；匿名访问开启时可以留空。',
    'tab.digits': '手写识别', 'tab.gan': 'GAN 工作室', 'tab.qa': '知识库问答', 'tab.text': '文本生成',
    'tab.career': '职业罗盘', 'tab.status': '状态',
    'common.model': '模型版本',
    'digits.title': '手写数字识别',
    'digits.hint': '用鼠标或手指在白板上写一个数字（0–9），停笔片刻就会识别。',
    'digits.canvas': '手写板',
    'digits.clear': '清除', 'digits.upload': '上传照片',
    'digits.top3': '最可能的三个数字', 'digits.seen': '模型看到的 28×28 图像',
    'digits.ensemble': '多个网络的集成',
    'gan.title': 'GAN 工作室', 'gan.digit': '数字', 'gan.seed': '随机种子', 'gan.psi': '噪声尺度 ψ',
    'gan.generate': '生成网格', 'gan.sameSeed': '同一种子，同一图像',
    'gan.psiHint': 'ψ 越小，数字越工整、变化越少；点击任一图像，把它交给识别模型。',
    'gan.interp': '插值', 'gan.from': '从 数字', 'gan.to': '到 数字', 'gan.interpolate': '插值',
    'gan.slider': '插值位置',
    'gan.image': '生成的数字 {digit}，第 {index} 张',
    'gan.sendTitle': '交给识别模型',
    'gan.readAs': '要求画 {asked}，识别模型读作 {read}（{p}）：{verdict}',
    'gan.match': '一致', 'gan.mismatch': '不一致',
    'gan.sameResult': '种子 {seed} 两次生成：{verdict}；换成种子 {other}：{verdict2}',
    'gan.identical': '逐字节相同', 'gan.different': '不同',
    'gan.first': '第一次', 'gan.second': '第二次', 'gan.otherSeed': '种子 {seed}',
    'gan.t': 't = {t}',
    'qa.title': '知识库问答',
    'qa.placeholder': '例如：什么是生成对抗网络？',
    'qa.ask': '提问',
    'qa.unknown': '不知道',
    'qa.unknownText': '知识库里没有能回答这个问题的内容。',
    'qa.unknownTerms': '知识库从未提到：{terms}',
    'qa.missingAnswer': '找到的句子里没有问题要的{kinds}',
    'qa.kind.year': '年份',
    'qa.kind.number': '数字',
    'qa.confidence': '置信度 {value}',
    'qa.sources': '出处',
    'qa.openDoc': '打开全文',
    'qa.cite': '引用 {n}',
    'qa.admin': '添加文档（管理员）',
    'qa.adminKey': '管理员密钥（留空则用页面顶部的密钥）',
    'qa.docTitle': '标题', 'qa.docSource': '来源', 'qa.docLang': '语言', 'qa.langAuto': '自动识别',
    'qa.docText': '正文（纯文本或 Markdown）', 'qa.docSubmit': '上传',
    'qa.docStored': '已保存“{title}”（id {id}，{chunks} 个片段）',
    'text.title': '文本生成', 'text.prompt': '开头', 'text.temperature': '温度', 'text.seed': '种子（可空）',
    'text.maxTokens': '最多字符', 'text.start': '开始', 'text.stop': '停止',
    'text.streaming': '生成中…',
    'text.done': '完成：{tokens} 个字符，{speed} 字符/秒，种子 {seed}，模型 {model}',
    'text.stopped': '已停止（{count} 个字符）；服务端的生成也随之结束。',
    'career.title': '职业罗盘',
    'career.note': '仅供探索参考，不用于筛选求职者。',
    'career.skills': '你已掌握的技能（可空，用逗号分隔）', 'career.years': '工作年限（可空）',
    'career.submit': '查看推荐',
    'career.missing': '还有 {count} 题没有作答。',
    'career.profile': '你的六个维度', 'career.ranking': '岗位排序', 'career.why': '为什么这样排',
    'career.plan': '技能计划（第一名）',
    'career.total': '总分 {total}',
    'career.salary': '薪资 {min}–{max} {currency}/{period}（{region}）',
    'career.source': '来源：{source}',
    'career.tolerance': '容错指数 {index}（{band}）：{description}',
    'career.radar': '六个维度得分的雷达图',
    'status.title': '平台状态', 'status.overall': '整体', 'status.refresh': '刷新', 'status.service': '服务',
    'status.readiness': '就绪', 'status.model': '当前模型', 'status.available': '可用版本',
    'status.checked': '检查于 {time}',
    'error.network': '连不上网关，请检查网络或稍后再试。',
    'error.429': '请求太频繁了，请稍等再试。',
    'error.429wait': '请求太频繁了，请 {seconds} 秒后再试。',
    'error.401': '需要 API 密钥：请在页面顶部填写。',
    'error.401bad': '这个 API 密钥无效，请检查页面顶部填写的密钥。',
    'error.403': '这个密钥没有权限做这件事（需要管理员密钥）。',
    'error.413': '内容太大了。',
    'error.415': '不支持这种文件格式。',
    'error.unavailable': '服务暂时不可用，请稍后再试。',
    'error.bad': '请求有误。',
    'error.server': '服务出错了。',
    'error.requestId': '请求编号 {id}',
    'error.page': '页面出错：{message}',
  },
  en: {
    'app.title': 'AIGC Playground',
    'key.label': 'API key',
    'key.placeholder': 'empty when anonymous access is on',
    'key.note': 'The key is kept only in this tab\'s sessionStorage and is gone when the tab closes; leave it empty when anonymous access is on.',
    'tab.digits': 'Digits', 'tab.gan': 'GAN studio', 'tab.qa': 'Ask the KB', 'tab.text': 'Text generation',
    'tab.career': 'Career compass', 'tab.status': 'Status',
    'common.model': 'Model version',
    'digits.title': 'Handwritten digit recogniser',
    'digits.hint': 'Write a digit (0–9) on the white board with a mouse or a finger; it is read when you pause.',
    'digits.canvas': 'drawing board',
    'digits.clear': 'Clear', 'digits.upload': 'Upload a photo',
    'digits.top3': 'Three most likely digits', 'digits.seen': 'The 28×28 image the model saw',
    'digits.ensemble': 'ensemble of networks',
    'gan.title': 'GAN studio', 'gan.digit': 'Digit', 'gan.seed': 'Seed', 'gan.psi': 'Noise scale ψ',
    'gan.generate': 'Generate grid', 'gan.sameSeed': 'Same seed, same image',
    'gan.psiHint': 'A smaller ψ gives tidier, less varied digits. Click any image to hand it to the recogniser.',
    'gan.interp': 'Interpolation', 'gan.from': 'From digit', 'gan.to': 'To digit', 'gan.interpolate': 'Interpolate',
    'gan.slider': 'interpolation position',
    'gan.image': 'generated digit {digit}, image {index}',
    'gan.sendTitle': 'Send to the recogniser',
    'gan.readAs': 'Asked for {asked}, the recogniser reads {read} ({p}): {verdict}',
    'gan.match': 'match', 'gan.mismatch': 'mismatch',
    'gan.sameResult': 'Seed {seed} twice: {verdict}; seed {other} instead: {verdict2}',
    'gan.identical': 'byte-for-byte identical', 'gan.different': 'different',
    'gan.first': 'first', 'gan.second': 'second', 'gan.otherSeed': 'seed {seed}',
    'gan.t': 't = {t}',
    'qa.title': 'Ask the knowledge base',
    'qa.placeholder': 'e.g. What is a generative adversarial network?',
    'qa.ask': 'Ask',
    'qa.unknown': 'I don\'t know',
    'qa.unknownText': 'The knowledge base holds nothing that answers this question.',
    'qa.unknownTerms': 'Never mentioned in the knowledge base: {terms}',
    'qa.missingAnswer': 'The sentences found hold no {kinds}, which the question asks for',
    'qa.kind.year': 'year',
    'qa.kind.number': 'number',
    'qa.confidence': 'confidence {value}',
    'qa.sources': 'Sources',
    'qa.openDoc': 'Open the whole document',
    'qa.cite': 'citation {n}',
    'qa.admin': 'Add a document (admin)',
    'qa.adminKey': 'Admin key (empty: the key at the top of the page)',
    'qa.docTitle': 'Title', 'qa.docSource': 'Source', 'qa.docLang': 'Language', 'qa.langAuto': 'detect',
    'qa.docText': 'Text (plain text or Markdown)', 'qa.docSubmit': 'Upload',
    'qa.docStored': 'Stored "{title}" (id {id}, {chunks} chunks)',
    'text.title': 'Text generation', 'text.prompt': 'Prompt', 'text.temperature': 'Temperature',
    'text.seed': 'Seed (optional)', 'text.maxTokens': 'Max characters', 'text.start': 'Start', 'text.stop': 'Stop',
    'text.streaming': 'Generating…',
    'text.done': 'Done: {tokens} characters, {speed} chars/s, seed {seed}, model {model}',
    'text.stopped': 'Stopped ({count} characters); the server stopped generating too.',
    'career.title': 'Career compass',
    'career.note': 'For exploration only, never for screening applicants.',
    'career.skills': 'Skills you have (optional, comma separated)', 'career.years': 'Years of experience (optional)',
    'career.submit': 'Show recommendations',
    'career.missing': '{count} statements are still unanswered.',
    'career.profile': 'Your six dimensions', 'career.ranking': 'Ranked roles', 'career.why': 'Why this order',
    'career.plan': 'Skill plan (top role)',
    'career.total': 'total {total}',
    'career.salary': 'Salary {min}–{max} {currency}/{period} ({region})',
    'career.source': 'Source: {source}',
    'career.tolerance': 'Tolerance index {index} ({band}): {description}',
    'career.radar': 'radar chart of the six dimension scores',
    'status.title': 'Platform status', 'status.overall': 'Overall', 'status.refresh': 'Refresh',
    'status.service': 'Service', 'status.readiness': 'Readiness', 'status.model': 'Active model',
    'status.available': 'Available versions',
    'status.checked': 'checked at {time}',
    'error.network': 'The gateway cannot be reached; check the connection or try again later.',
    'error.429': 'Too many requests; wait a moment and try again.',
    'error.429wait': 'Too many requests; try again in {seconds} s.',
    'error.401': 'An API key is needed: enter it at the top of the page.',
    'error.401bad': 'That API key is not valid; check the key at the top of the page.',
    'error.403': 'This key may not do that (it needs an admin key).',
    'error.413': 'That is too large.',
    'error.415': 'That file type is not supported.',
    'error.unavailable': 'The service is unavailable right now; try again shortly.',
    'error.bad': 'The request was not accepted.',
    'error.server': 'The service ran into an error.',
    'error.requestId': 'Request id {id}',
    'error.page': 'The page ran into an error: {message}',
  },
};

const LANG_KEY = 'aigc.lang';
let current = initialLanguage();

function initialLanguage() {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  return (navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function lang() {
  return current;
}

export function t(key, params = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, current);
  apply();
  document.dispatchEvent(new CustomEvent('langchange', { detail: current }));
}

/** Labels every data-i18n element in the current language. */
export function apply(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
}
