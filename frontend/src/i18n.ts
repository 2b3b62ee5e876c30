// Chinese / English labels. Server labels (/api/labels) win; built-ins (names of regions generated from Intl at build
// time) fill the gaps.
import regionNames from './generated/region-names.json';
import type { Bilingual, Labels } from './types';

export type Lang = 'zh' | 'en';

const TYPE_LABELS: Record<string, Required<Bilingual>> = {
  VISIT: { zh: '访问', en: 'Visit' },
  TALKS: { zh: '会谈', en: 'Talks' },
  MEETING: { zh: '会见', en: 'Meeting' },
  PHONE_CALL: { zh: '通话', en: 'Phone call' },
  STATEMENT_SIGNED: { zh: '联合声明', en: 'Joint statement' },
  AGREEMENT_SIGNED: { zh: '签署协议', en: 'Agreement signed' },
  SUMMIT: { zh: '峰会', en: 'Summit' },
};

const ORG_LABELS: Record<string, Required<Bilingual>> = {
  G20: { zh: '二十国集团', en: 'G20' },
  G7: { zh: '七国集团', en: 'G7' },
  EU: { zh: '欧盟', en: 'European Union' },
  UN: { zh: '联合国', en: 'United Nations' },
  ASEAN: { zh: '东盟', en: 'ASEAN' },
  AU: { zh: '非洲联盟', en: 'African Union' },
  SCO: { zh: '上海合作组织', en: 'SCO' },
  BRICS: { zh: '金砖国家', en: 'BRICS' },
  APEC: { zh: '亚太经合组织', en: 'APEC' },
  EAEU: { zh: '欧亚经济联盟', en: 'Eurasian Economic Union' },
  NATO: { zh: '北约', en: 'NATO' },
};

const UI = {
  overview: { zh: '总览', en: 'Overview' },
  network: { zh: '关系网络', en: 'Network' },
  ingest: { zh: '提交报道', en: 'Ingest' },
  live: { zh: '实时', en: 'Live' },
  connecting: { zh: '连接中…', en: 'Connecting…' },
  reconnecting: { zh: '重新连接中…', en: 'Reconnecting…' },
  offline: { zh: '离线', en: 'Offline' },
  facts: { zh: '事实', en: 'Facts' },
  countries: { zh: '国家和组织', en: 'Countries' },
  topics: { zh: '议题', en: 'Topics' },
  visits: { zh: '访问', en: 'Visits' },
  agreementsAndStatements: { zh: '协议与声明', en: 'Agreements & statements' },
  liveFeed: { zh: '实时动态', en: 'Live feed' },
  omittedFacts: { zh: '条事实同时到达，未逐条列出', en: 'more facts arrived at once, not listed one by one' },
  map: { zh: '外交活动地图', en: 'Diplomatic activity' },
  mostActivePairs: { zh: '最活跃的双边关系', en: 'Most active pairs' },
  period: { zh: '时间段', en: 'Period' },
  allTime: { zh: '全部', en: 'All time' },
  counterparts: { zh: '交往对象', en: 'Counterparts' },
  visitsMade: { zh: '出访', en: 'Visits made' },
  visitsReceived: { zh: '来访', en: 'Visits received' },
  agreements: { zh: '协议', en: 'Agreements' },
  statements: { zh: '声明', en: 'Statements' },
  timeline: { zh: '时间线', en: 'Timeline' },
  allFacts: { zh: '全部事实', en: 'All facts' },
  latestFacts: { zh: '最新事实', en: 'Latest facts' },
  evidence: { zh: '原文依据', en: 'Evidence' },
  openDocument: { zh: '查看原文', en: 'Open the report' },
  document: { zh: '原文', en: 'Report' },
  noData: { zh: '暂无数据', en: 'Nothing yet' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '未找到', en: 'Not found' },
  error: { zh: '出错了', en: 'Something went wrong' },
  text: { zh: '报道正文', en: 'Report text' },
  published: { zh: '发布日期（可选）', en: 'Published (optional)' },
  language: { zh: '语言', en: 'Language' },
  auto: { zh: '自动', en: 'Auto' },
  upload: { zh: '或上传文本文件', en: 'or upload a text file' },
  token: { zh: '访问令牌（可选，保存在本浏览器）', en: 'Access token (optional, kept in this browser)' },
  submit: { zh: '提交', en: 'Submit' },
  submitting: { zh: '提交中…', en: 'Submitting…' },
  accepted: { zh: '已接收', en: 'Accepted' },
  factsArriving: { zh: '实时到达的事实', en: 'Facts arriving live' },
  emptyText: { zh: '请粘贴或上传报道正文。', en: 'Paste or upload the text of a report.' },
  participants: { zh: '参与方', en: 'Participants' },
  persons: { zh: '人物', en: 'People' },
  location: { zh: '地点', en: 'Location' },
  date: { zh: '日期', en: 'Date' },
  confidence: { zh: '置信度', en: 'Confidence' },
  source: { zh: '来源', en: 'Source' },
  type: { zh: '类型', en: 'Type' },
  types: { zh: '类型', en: 'Types' },
  leaders: { zh: '显示领导人', en: 'Show leaders' },
  raisedBy: { zh: '提及该议题的国家', en: 'Countries raising it' },
  overTime: { zh: '按年份', en: 'Over time' },
  theme: { zh: '主题', en: 'Theme' },
  themeAuto: { zh: '自动', en: 'Auto' },
  themeLight: { zh: '浅色', en: 'Light' },
  themeDark: { zh: '深色', en: 'Dark' },
  skip: { zh: '跳到主要内容', en: 'Skip to content' },
  unknownDate: { zh: '日期不详', en: 'date unknown' },
  interactions: { zh: '互动', en: 'interactions' },
  edges: { zh: '联系', en: 'Links' },
  noYear: { zh: '年份不详', en: 'year unknown' },
  mapHint: { zh: '点击国家查看详情', en: 'Click a country to open it' },
  factsOfDocument: { zh: '本文提取的事实', en: 'Facts in this report' },
  offsetsMismatch: { zh: '依据位置与原文不符，已按文本定位', en: 'offsets did not match the text; located by content' },
  unauthorized: { zh: '需要有效的访问令牌', en: 'A valid access token is required' },
  mentions: { zh: '次', en: 'mentions' },
  max: { zh: '最多', en: 'most' },
  offMap: { zh: '地图上未显示', en: 'Not on the map' },
  streams: { zh: '数据流', en: 'Streams' },
  alerts: { zh: '提醒', en: 'Alerts' },
  noAlerts: { zh: '打开页面以来没有新的提醒。', en: 'No new alerts since this page was opened.' },
  notifyAsk: { zh: '启用浏览器通知', en: 'Turn on browser notifications' },
  notifyOn: { zh: '浏览器通知已启用', en: 'Browser notifications are on' },
  notifyDenied: { zh: '浏览器通知已被拒绝', en: 'Browser notifications are blocked' },
  apiReference: { zh: 'API 参考', en: 'API reference' },
  apiReferenceIntro: {
    zh: '每个接口及其参数、应答和示例，来自本服务的 OpenAPI 3.1 文档：',
    en: 'Every endpoint with its parameters, answers and examples, from this server’s OpenAPI 3.1 document:',
  },
  consumerGroups: { zh: '消费者组', en: 'Consumer groups' },
  partitions: { zh: '分区', en: 'partitions' },
  records: { zh: '条记录', en: 'records' },
  schema: { zh: '模式', en: 'schema' },
  lag: { zh: '滞后', en: 'lag' },
  refreshEvery: { zh: '每 5 秒刷新', en: 'Refreshed every 5 s' },
  timelapse: { zh: '回放', en: 'Time-lapse' },
  from: { zh: '从', en: 'From' },
  to: { zh: '到', en: 'To' },
  speed: { zh: '速度（天/秒）', en: 'Speed (days per second)' },
  start: { zh: '开始', en: 'Start' },
  play: { zh: '播放', en: 'Play' },
  pause: { zh: '暂停', en: 'Pause' },
  seek: { zh: '时间', en: 'Time' },
  replayed: { zh: '已回放', en: 'replayed' },
  latestReplayed: { zh: '最新回放的事实', en: 'Latest replayed facts' },
  replayEnded: { zh: '回放结束', en: 'End of the time-lapse' },
  replayClosed: { zh: '回放连接已关闭（请检查时间段）', en: 'The time-lapse connection closed (check the period)' },
  replayClosedBecause: { zh: '服务器关闭了回放：', en: 'The server closed the time-lapse: ' },
  events: { zh: '事件', en: 'Events' },
  event: { zh: '事件', en: 'Event' },
  reports: { zh: '篇报道', en: 'reports' },
  oneReport: { zh: '篇报道', en: 'report' },
  reportsOfEvent: { zh: '各方报道', en: 'Every report of it' },
  latestEvents: { zh: '最新事件', en: 'Latest events' },
  allEvents: { zh: '全部事件', en: 'All events' },
  latestReports: { zh: '最新报道', en: 'Latest reports' },
  allReports: { zh: '全部报道', en: 'All reports' },
  disagreements: { zh: '报道之间的分歧', en: 'Where reports disagree' },
  noDisagreement: { zh: '各报道一致', en: 'The reports agree' },
  whyJoined: { zh: '每篇报道下注明它与哪篇报道一致、在哪些方面一致', en: 'Under each report: which report it agrees with, and on what' },
  joinedWith: { zh: '一致于第', en: 'agrees with report' },
  joinedOn: { zh: '篇报道：', en: 'on' },
  firstReport: { zh: '首篇报道', en: 'first report' },
  documents: { zh: '份文件', en: 'documents' },
  title: { zh: '标题', en: 'Title' },
  watches: { zh: '关注', en: 'Watches' },
  watchesIntro: {
    zh: '关注某些国家、双边关系、类型、议题或人物：此后接收的每条相符的事实都会产生一条提醒（页眉中的“提醒”），如有 Webhook 也会推送到该地址。',
    en: 'Watch countries, a pair, fact types, topics or people: every matching fact accepted from then on raises an alert (the header’s Alerts), and is POSTed to the webhook if there is one.',
  },
  newWatch: { zh: '新建关注', en: 'New watch' },
  watchName: { zh: '名称（可选）', en: 'Name (optional)' },
  watchCountries: { zh: '国家或组织代码（任一参与即可，如 RU, DE）', en: 'Country or organisation codes (any taking part, e.g. RU, DE)' },
  watchPair: { zh: '双边关系（两个代码，均须参与）', en: 'A pair (two codes, both taking part)' },
  watchTopics: { zh: '议题（如 trade, belt-and-road）', en: 'Topics (ids such as trade, belt-and-road)' },
  watchPersons: { zh: '人物（姓名包含其一，用逗号分隔）', en: 'People (a name containing one of these, comma-separated)' },
  webhook: { zh: 'Webhook', en: 'Webhook' },
  webhookUrl: { zh: 'Webhook 地址（可选，http 或 https）', en: 'Webhook URL (optional, http or https)' },
  sessionToken: { zh: '访问令牌（必填，仅保存在本标签页的会话中）', en: 'Access token (required, kept only for this tab’s session)' },
  create: { zh: '创建', en: 'Create' },
  creating: { zh: '创建中…', en: 'Creating…' },
  delete: { zh: '删除', en: 'Delete' },
  created: { zh: '创建于', en: 'Created' },
  watchCreated: { zh: '已创建关注', en: 'Watch created' },
  watchDeleted: { zh: '已删除关注', en: 'Watch deleted' },
  webhookSecret: { zh: 'Webhook 签名密钥（仅显示这一次，请妥善保存）：', en: 'Webhook signing secret (shown only this once, keep it):' },
  noWatches: { zh: '还没有关注。', en: 'No watches yet.' },
  pair: { zh: '双边', en: 'Pair' },
  badPeriod: { zh: '请选择有效的时间段', en: 'Choose a valid period' },
} as const;
export type UiKey = keyof typeof UI;

/** Region names generated at build time (scripts/region-names.mjs): no Intl.DisplayNames on the first render. */
const REGION_NAMES: Record<string, Bilingual> = regionNames;

let displayNames: Record<Lang, Intl.DisplayNames | null> | null = null;
/** Intl's name of a region the build did not know (newer ICU data); null when none. */
function intlRegionName(lang: Lang, code: string): string | null {
  if (!displayNames) {
    const make = (l: string) => {
      try {
        return new Intl.DisplayNames([l], { type: 'region', fallback: 'none' });
      } catch {
        return null;
      }
    };
    displayNames = { zh: make('zh-Hans'), en: make('en') };
  }
  try {
    return displayNames[lang]?.of(code) || null;
  } catch {
    return null; // invalid region code
  }
}

const EMPTY: Labels = { countries: {}, topics: {}, types: {} };

export class I18n {
  constructor(
    public lang: Lang = 'en',
    public labels: Labels = EMPTY,
  ) {}

  t(key: UiKey): string {
    return UI[key][this.lang];
  }

  country(code: string | null | undefined): string {
    if (!code) return '';
    const server = this.labels.countries?.[code]?.[this.lang];
    if (server) return server;
    const org = ORG_LABELS[code];
    if (org) return org[this.lang];
    if (!/^[A-Z]{2}$/.test(code)) return code;
    return REGION_NAMES[code]?.[this.lang] ?? intlRegionName(this.lang, code) ?? code;
  }

  type(type: string): string {
    return this.labels.types?.[type]?.[this.lang] ?? TYPE_LABELS[type]?.[this.lang] ?? humanise(type);
  }

  topic(key: string): string {
    return this.labels.topics?.[key]?.[this.lang] ?? humanise(key);
  }
}

/** "belt-and-road" → "Belt and road", "PHONE_CALL" → "Phone call". */
export function humanise(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

export function parseLang(v: string | null | undefined): Lang | null {
  return v === 'zh' || v === 'en' ? v : null;
}

/** The preferred language: remembered choice, else the browser's. */
export function initialLang(stored: string | null, navigatorLanguages: readonly string[]): Lang {
  const remembered = parseLang(stored);
  if (remembered) return remembered;
  return navigatorLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}
