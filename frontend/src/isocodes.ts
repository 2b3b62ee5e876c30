// ISO 3166-1 numeric -> alpha-2 for the shapes in world-atlas countries-110m (whose ids are numeric codes).
// Shapes without an id are matched by name (Kosovo -> XK); N. Cyprus and Somaliland stay unlinked.

export const NUMERIC_TO_ALPHA2: Record<string, string> = {
  '242': 'FJ', '834': 'TZ', '732': 'EH', '124': 'CA', '840': 'US', '398': 'KZ', '860': 'UZ', '598': 'PG',
  '360': 'ID', '032': 'AR', '152': 'CL', '180': 'CD', '706': 'SO', '404': 'KE', '729': 'SD', '148': 'TD',
  '332': 'HT', '214': 'DO', '643': 'RU', '044': 'BS', '238': 'FK', '578': 'NO', '304': 'GL', '260': 'TF',
  '626': 'TL', '710': 'ZA', '426': 'LS', '484': 'MX', '858': 'UY', '076': 'BR', '068': 'BO', '604': 'PE',
  '170': 'CO', '591': 'PA', '188': 'CR', '558': 'NI', '340': 'HN', '222': 'SV', '320': 'GT', '084': 'BZ',
  '862': 'VE', '328': 'GY', '740': 'SR', '250': 'FR', '218': 'EC', '630': 'PR', '388': 'JM', '192': 'CU',
  '716': 'ZW', '072': 'BW', '516': 'NA', '686': 'SN', '466': 'ML', '478': 'MR', '204': 'BJ', '562': 'NE',
  '566': 'NG', '120': 'CM', '768': 'TG', '288': 'GH', '384': 'CI', '324': 'GN', '624': 'GW', '430': 'LR',
  '694': 'SL', '854': 'BF', '140': 'CF', '178': 'CG', '266': 'GA', '226': 'GQ', '894': 'ZM', '454': 'MW',
  '508': 'MZ', '748': 'SZ', '024': 'AO', '108': 'BI', '376': 'IL', '422': 'LB', '450': 'MG', '275': 'PS',
  '270': 'GM', '788': 'TN', '012': 'DZ', '400': 'JO', '784': 'AE', '634': 'QA', '414': 'KW', '368': 'IQ',
  '512': 'OM', '548': 'VU', '116': 'KH', '764': 'TH', '418': 'LA', '104': 'MM', '704': 'VN', '408': 'KP',
  '410': 'KR', '496': 'MN', '356': 'IN', '050': 'BD', '064': 'BT', '524': 'NP', '586': 'PK', '004': 'AF',
  '762': 'TJ', '417': 'KG', '795': 'TM', '364': 'IR', '760': 'SY', '051': 'AM', '752': 'SE', '112': 'BY',
  '804': 'UA', '616': 'PL', '040': 'AT', '348': 'HU', '498': 'MD', '642': 'RO', '440': 'LT', '428': 'LV',
  '233': 'EE', '276': 'DE', '100': 'BG', '300': 'GR', '792': 'TR', '008': 'AL', '191': 'HR', '756': 'CH',
  '442': 'LU', '056': 'BE', '528': 'NL', '620': 'PT', '724': 'ES', '372': 'IE', '540': 'NC', '090': 'SB',
  '554': 'NZ', '036': 'AU', '144': 'LK', '156': 'CN', '158': 'TW', '380': 'IT', '208': 'DK', '826': 'GB',
  '352': 'IS', '031': 'AZ', '268': 'GE', '608': 'PH', '458': 'MY', '096': 'BN', '705': 'SI', '246': 'FI',
  '703': 'SK', '203': 'CZ', '232': 'ER', '392': 'JP', '600': 'PY', '887': 'YE', '682': 'SA', '010': 'AQ',
  '196': 'CY', '504': 'MA', '818': 'EG', '434': 'LY', '231': 'ET', '262': 'DJ', '800': 'UG', '646': 'RW',
  '070': 'BA', '807': 'MK', '688': 'RS', '499': 'ME', '780': 'TT', '728': 'SS',
};

const BY_NAME: Record<string, string> = { Kosovo: 'XK' };

/** The alpha-2 code of an atlas feature, or null. */
export function alpha2Of(id: string | number | undefined | null, name?: string | null): string | null {
  if (id !== undefined && id !== null && id !== '') {
    const a = NUMERIC_TO_ALPHA2[String(id).padStart(3, '0')];
    if (a) return a;
  }
  return (name && BY_NAME[name]) || null;
}
