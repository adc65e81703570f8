// Message catalogues and formatting for <audioconf-pricing> and its page.
//
// A message is a string with {placeholders}, or an object of plural forms keyed by Intl.PluralRules
// category (one, few, many, other); the form is chosen by the `n` parameter (a number or a decimal string,
// whose written decimals count, so "1.0" is plural in English). Country names come from Intl.DisplayNames,
// numbers, money and dates from Intl: nothing is formatted by hand.

export const SUPPORTED_LANGUAGES = ["en", "ru"];
export const LANGUAGE_NAMES = { en: "English", ru: "Русский" };
/** The word "Language" in each language, shown next to the switch for people who cannot read the current one. */
export const LANGUAGE_WORD = { en: "Language", ru: "Язык" };

const en = {
  // Page
  page_title: "Teams Audio Conferencing pay-per-minute calculator",
  page_heading: "Audio Conferencing pay-per-minute calculator",
  page_intro:
    "Estimate what Microsoft Teams Audio Conferencing costs per month when it is paid by the minute: choose countries, the mix of dial-in and dial-out calls and your volume, and compare it with the per-user licence.",
  page_footer:
    "An estimate for planning, not an offer. Check prices and availability with your Microsoft account representative.",
  skip_to_calculator: "Skip to the calculator",
  no_script: "This calculator needs JavaScript and WebAssembly.",

  // Status and rate card
  loading: "Loading prices…",
  card_fetch_title: "The rate card could not be loaded.",
  card_invalid_title: "The rate card has errors and cannot be used.",
  core_failed_title: "The calculator could not start.",
  card_failed_body: "Rate card: ",
  more_problems: { one: "…and {count} more problem.", other: "…and {count} more problems." },
  card_failed_kept: "Prices below still use the previous rate card ({version}). Your inputs are kept.",
  card_failed_inputs_kept: "Your inputs are kept: try again, or use the built-in illustrative rates.",
  retry: "Try again",
  use_builtin: "Use built-in illustrative rates",
  rate_card_version: "Rate card {version}, effective {date}",
  illustrative_badge: "Illustrative rates",
  currency: "Currency",
  language: "Language",

  // Countries
  countries_heading: "Countries and regions",
  search_label: "Add a country or region",
  search_hint: "Type a name or an ISO code (such as DE), then pick from the list.",
  search_placeholder: "e.g. France or FR",
  search_results: "Countries and regions",
  results_count: { one: "{count} result", other: "{count} results" },
  no_results: "No country or region matches.",
  added: "Added",
  already_added: "{country} is already in the list.",
  country_added: "{country} added.",
  country_removed: "{country} removed.",
  chosen_countries: "Chosen countries and regions",
  no_countries: "No countries yet: add the countries your participants call from or are called in.",
  remove: "Remove",
  remove_country: "Remove {country}",
  not_in_card: "Not in this rate card",
  not_offered_short: "not offered",
  tag_toll: "Toll",
  tag_toll_free: "Toll-free",
  tag_dial_out: "Dial-out",
  tag_not_sold: "Audio Conferencing not sold here",
  tag_dial_out_only: "Dial-out destination only",
  tag_no_credits: "No Communications Credits",
  tag_ppm_only: "Pay-per-minute only",
  no_credits_reason: "{country}: Communications Credits cannot be bought here, so an organisation here cannot fund pay-per-minute calls.",
  ppm_only_reason: "Audio Conferencing is sold here only as pay-per-minute.",
  card_note: "Rate card note",
  // Why a kind of call is not offered, by the core's reason_code: {kinds} is a list of kind labels (in
  // lower case; {kinds_cap} with a capital), n their number.
  // not_sold: "one" names the single kind; more than one is every dial-in kind.
  reason_not_sold: {
    one: "Audio Conferencing is not sold in {country}, so there are no {kinds} numbers there.",
    other: "Audio Conferencing is not sold in {country}, so there are no dial-in numbers there.",
  },
  reason_no_numbers: "{kinds_cap} numbers are not available in {country}.",
  reason_not_priced: "This rate card has no rate for {kinds} in {country}.",
  reason_other: "{kinds_cap}: not offered in {country}.",
  card_reason: "The rate card says:",
  split_legend: "Split the minutes between countries",
  split_equal: "Equally",
  split_custom: "By share",
  split_exact: "Exact minutes",
  country_shares: "Share of minutes per country",
  exact_hint: "Enter the minutes per country and kind of call. Calls are optional: with them, each call is rounded up to the billing increment and connection fees apply.",
  kind: "Kind of call",
  minutes: "Minutes",
  calls: "Calls",
  calls_optional: "Calls (optional)",

  // Kinds
  kind_toll: "Toll dial-in",
  kind_toll_free: "Toll-free dial-in",
  kind_dial_out_landline: "Dial-out to landlines",
  kind_dial_out_mobile: "Dial-out to mobiles",

  // Mix
  mix_heading: "Call mix",
  mix_hint: "Share of the minutes by kind of call. The four shares always add up to 100%: moving one adjusts the others.",
  mix_from_exact: "Worked out from the exact minutes you entered:",
  share_percent_of: "{label}, percent",
  shares_total: "Total: {total}",
  kind_missing_in: "Not offered in {countries}: these minutes are not priced.",

  // Volume
  volume_heading: "Monthly volume",
  volume_mode: "Enter the volume as",
  volume_minutes: "Total minutes",
  volume_meetings: "Meetings",
  minutes_label: "Minutes per month",
  minutes_unit: "minutes",
  minutes_hint: "All participants' minutes together, dial-in and dial-out.",
  meetings_label: "Meetings per month",
  participants_label: "Phone participants per meeting",
  duration_label: "Average minutes per participant",
  meetings_hint: "Counting the calls lets each call be rounded up to the billing increment and adds any connection fees.",
  meetings_result: { one: "= {minutes} minutes in {calls} call a month", other: "= {minutes} minutes in {calls} calls a month" },
  volume_from_exact: "Total from the exact minutes:",
  minutes_count: { one: "{count} minute", other: "{count} minutes" },

  // Users
  users_heading: "Compare with the per-user licence",
  users_label: "Licensed users",
  users_unit: "users",
  users_hint: "People who would get the Audio Conferencing licence. Leave empty to skip the comparison.",

  // Field errors
  err_empty: "Enter a number.",
  err_number: "Enter digits only, such as 1200.",
  err_not_integer: "Enter a whole number.",
  err_decimals: { one: "Use at most {count} decimal place.", other: "Use at most {count} decimal places." },
  err_negative: "Enter 0 or more.",
  err_min: "Enter at least {min}.",
  err_max: "Enter at most {max}.",
  err_decimal_mark: "Use a point for decimals: {example}.",
  err_decimal_marks: "Use one decimal point, such as 12.5.",
  err_grouping: "Write thousands with a comma and three digits, such as 1,250, and decimals with a point: 12.5.",
  stale_invalid: "Showing the last valid estimate: correct the highlighted field.",
  fix_inputs: "Correct the highlighted field to see prices.",

  // Core errors by code
  core_error: "This request cannot be priced.",
  core_invalid_request: "The request is not valid.",
  core_invalid_number: "A number is not valid.",
  core_negative: "A number is negative.",
  core_too_large: "A number is too large.",
  core_invalid_count: "A count must be a whole number of at least 1.",
  core_unknown_country: "A country is not in the rate card.",
  core_unknown_kind: "A kind of call is unknown.",
  core_unknown_currency: "The currency is not in the rate card.",
  core_kind_not_offered: "A kind of call is not offered in its country.",
  core_overflow: "The numbers are too large to price exactly.",

  // Summary
  total_label: "Estimated monthly total",
  per_minute_line: {
    one: "{rate} per minute on average · {minutes} minute",
    other: "{rate} per minute on average · {minutes} minutes",
  },
  no_minutes: "No minutes to price yet.",
  verdict_pay_per_minute: "Pay-per-minute is {amount} a month cheaper than the per-user licence.",
  verdict_per_user_licence: "The per-user licence would be {amount} a month cheaper.",
  verdict_equal: "Pay-per-minute and the per-user licence cost the same.",
  unpriced_minutes: {
    one: "{minutes} minute is not priced: its kind of call is not offered in its country.",
    other: "{minutes} minutes are not priced: their kind of call is not offered in their country.",
  },
  announce_total: "Monthly total {total}. {rate} per minute.",
  announce_total_only: "Monthly total {total}.",
  currency_not_in_card: "{wanted} is not a currency of this rate card; amounts are in {used}.",
  nothing_to_price: "Nothing to price yet: enter some minutes.",
  add_countries_first: "Add at least one country or region to see prices.",

  // Breakdown
  breakdown_heading: "Breakdown by country and kind",
  breakdown_caption: "Amounts in {currency}, excluding taxes. Select a column heading to sort.",
  col_country: "Country",
  col_kind: "Kind",
  col_rate: "Rate per minute",
  col_minutes: "Billable minutes",
  col_cost: "Cost",
  sortable: "sortable",
  sorted_by: "Sorted by {column}, {direction}.",
  ascending: "ascending",
  descending: "descending",
  calls_paren: { one: "({count} call)", other: "({count} calls)" },
  minutes_not_priced_paren: { one: "({minutes} minute not priced)", other: "({minutes} minutes not priced)" },
  minutes_not_priced: { one: "{minutes} minute is not priced.", other: "{minutes} minutes are not priced." },
  not_priced: "not priced",
  subtotal_for: "Subtotal, {country}",
  all_countries_kind: "All countries: {kind}",
  total_row: "Total",
  connection_fees_included: "Includes {amount} of connection fees.",

  // Chart
  chart_heading: "Cost by country and kind",
  legend: "Legend",
  nothing_to_chart: "No costs to show.",

  // Comparison
  cmp_heading: "Pay-per-minute or the per-user licence?",
  cmp_needs_users: "Enter the number of licensed users above to compare with the per-user licence.",
  option_pay_per_minute: "Pay-per-minute",
  option_per_user_licence: "Per-user licence",
  per_month: "per month",
  cheaper_by: "Cheaper by {amount}",
  ppm_detail: "Every minute charged at the rates above.",
  licence_detail: { one: "{users} licence × {price} = {licence}", other: "{users} licences × {price} = {licence}" },
  licence_usage_detail: "Usage the licence does not include: {usage}",
  break_even_text: "Both cost {cost} at about {per_user} minutes per user a month ({monthly} minutes in total). You are at {current} minutes per user: below the break-even, pay-per-minute is cheaper; above it, the licence.",
  no_break_even_ppm: "With this call mix, pay-per-minute stays cheaper at any volume: the licence does not include these kinds of calls.",
  no_break_even_licence: "With this call mix, the per-user licence is cheaper at any volume.",
  pool_text: {
    one: "The licence includes a shared pool of {pool} dial-out minute to Zone A countries; this plan would use {used} of it ({overflow} beyond it).",
    other: "The licence includes a shared pool of {pool} dial-out minutes to Zone A countries; this plan would use {used} of them ({overflow} beyond it).",
  },
  break_even_chart_title: "Monthly cost against minutes per user",
  break_even_chart_desc: "Pay-per-minute rises with usage; the licence is flat until its included minutes run out. They cross at {per_user} minutes per user ({cost} a month). You are at {current} minutes per user.",
  break_even_chart_desc_none: "The two lines do not cross for this call mix. You are at {current} minutes per user.",
  axis_minutes_per_user: "Minutes per user per month",
  marker_now: "You: {value} min",
  marker_value: "{value} min",
  marker_break_even: "Break-even: {value} min",
  legend_break_even: "Break-even",
  legend_now: "Your usage",

  // Credits
  credits_heading: "Communications Credits plan",
  credits_intro: "Pay-per-minute is paid from prepaid Communications Credits. A plan for this monthly spend:",
  first_funding: "First funding",
  recharge_amount: "Auto-recharge amount",
  recharge_trigger: "Recharge when the balance falls below",
  months_covered: "First funding lasts about",
  months_value: { one: "{months} month", other: "{months} months" },
  minimum_funding: "The suggested minimum funding is {amount}.",
  credits_expire: "Communications Credits not used within 12 months of purchase expire.",
  credits_would_expire: "At this spend, about {amount} of the first funding would expire unused after 12 months.",
  zero_balance_stops_calls: "At a zero balance every call paid with Communications Credits stops, toll-free dial-in included: keep auto-recharge on.",
  credits_unavailable: "{country}: Communications Credits cannot be bought there, so an organisation there cannot fund pay-per-minute calls.",

  // Notes
  notes_heading: "Notes",
  illustrative_rates: "These rates are illustrative, not Microsoft's prices.",
  excludes_taxes: "Prices exclude taxes.",
  volume_licensing_only: "Pay-per-minute is offered only to Volume Licensing customers, through their account representative.",
  ppm_only: "{country}: Audio Conferencing is sold only as pay-per-minute.",
  card_line: "Rate card {version}, effective {date}.",
  source: "Source of the rates",
};

const ru = {
  page_title: "Калькулятор поминутной оплаты аудиоконференций Teams",
  page_heading: "Калькулятор поминутной оплаты аудиоконференций",
  page_intro:
    "Оцените, сколько в месяц обойдутся аудиоконференции Microsoft Teams при поминутной оплате: выберите страны, соотношение входящих и исходящих звонков и объём, а затем сравните с лицензией на пользователя.",
  page_footer: "Это оценка для планирования, а не предложение. Цены и доступность уточняйте у своего менеджера Microsoft.",
  skip_to_calculator: "Перейти к калькулятору",
  no_script: "Для работы калькулятора нужны JavaScript и WebAssembly.",

  loading: "Загружаем цены…",
  card_fetch_title: "Не удалось загрузить тарифную сетку.",
  card_invalid_title: "В тарифной сетке есть ошибки, её нельзя использовать.",
  core_failed_title: "Не удалось запустить калькулятор.",
  card_failed_body: "Тарифная сетка: ",
  more_problems: { one: "…и ещё {count} ошибка.", few: "…и ещё {count} ошибки.", many: "…и ещё {count} ошибок.", other: "…и ещё {count} ошибки." },
  card_failed_kept: "Цены ниже рассчитаны по предыдущей тарифной сетке ({version}). Введённые данные сохранены.",
  card_failed_inputs_kept: "Введённые данные сохранены: попробуйте ещё раз или используйте встроенные примерные тарифы.",
  retry: "Попробовать ещё раз",
  use_builtin: "Использовать встроенные примерные тарифы",
  rate_card_version: "Тарифная сетка {version}, действует с {date}",
  illustrative_badge: "Примерные тарифы",
  currency: "Валюта",
  language: "Язык",

  countries_heading: "Страны и регионы",
  search_label: "Добавить страну или регион",
  search_hint: "Введите название или код ISO (например, DE) и выберите из списка.",
  search_placeholder: "например, Франция или FR",
  search_results: "Страны и регионы",
  results_count: { one: "{count} результат", few: "{count} результата", many: "{count} результатов", other: "{count} результата" },
  no_results: "Ничего не найдено.",
  added: "Добавлена",
  already_added: "{country} уже в списке.",
  country_added: "Добавлено: {country}.",
  country_removed: "Удалено: {country}.",
  chosen_countries: "Выбранные страны и регионы",
  no_countries: "Пока ни одной страны: добавьте страны, откуда участники звонят или куда им звонят.",
  remove: "Убрать",
  remove_country: "Убрать: {country}",
  not_in_card: "Нет в тарифной сетке",
  not_offered_short: "недоступно",
  tag_toll: "Платный номер",
  tag_toll_free: "Бесплатный номер",
  tag_dial_out: "Исходящие",
  tag_not_sold: "Аудиоконференции здесь не продаются",
  tag_dial_out_only: "Только для исходящих звонков",
  tag_no_credits: "Нет кредитов на связь",
  tag_ppm_only: "Только поминутная оплата",
  no_credits_reason: "{country}: кредиты на связь (Communications Credits) здесь купить нельзя, поэтому организация отсюда не сможет оплачивать звонки поминутно.",
  ppm_only_reason: "Здесь аудиоконференции продаются только с поминутной оплатой.",
  card_note: "Примечание тарифной сетки",
  reason_not_sold: {
    one: "{country}: аудиоконференции в этой стране не продаются, поэтому {kinds} недоступны.",
    other: "{country}: аудиоконференции в этой стране не продаются, поэтому номеров для входящих звонков нет.",
  },
  reason_no_numbers: "{country}: {kinds} недоступны — таких номеров в этой стране нет.",
  reason_not_priced: "{country}: {kinds} недоступны — в тарифной сетке для них нет цены.",
  reason_other: "{country}: {kinds} недоступны.",
  card_reason: "В тарифной сетке сказано:",
  split_legend: "Как распределить минуты между странами",
  split_equal: "Поровну",
  split_custom: "По долям",
  split_exact: "Точные минуты",
  country_shares: "Доля минут по странам",
  exact_hint: "Укажите минуты по каждой стране и виду звонков. Число звонков можно не указывать; если указать, каждый звонок округляется вверх до шага тарификации и учитывается плата за соединение.",
  kind: "Вид звонков",
  minutes: "Минуты",
  calls: "Звонки",
  calls_optional: "Звонки (необязательно)",

  kind_toll: "Входящие на платный номер",
  kind_toll_free: "Входящие на бесплатный номер",
  kind_dial_out_landline: "Исходящие на городские",
  kind_dial_out_mobile: "Исходящие на мобильные",

  mix_heading: "Соотношение звонков",
  mix_hint: "Доля минут по видам звонков. Четыре доли всегда дают в сумме 100 %: при изменении одной остальные подстраиваются.",
  mix_from_exact: "Рассчитано по введённым точным минутам:",
  share_percent_of: "{label}, процентов",
  shares_total: "Итого: {total}",
  kind_missing_in: "Недоступно: {countries}. Эти минуты не оцениваются.",

  volume_heading: "Объём в месяц",
  volume_mode: "Указать объём как",
  volume_minutes: "Всего минут",
  volume_meetings: "Собрания",
  minutes_label: "Минут в месяц",
  minutes_unit: "минут",
  minutes_hint: "Минуты всех участников вместе — и входящие, и исходящие.",
  meetings_label: "Собраний в месяц",
  participants_label: "Участников по телефону на собрание",
  duration_label: "Минут на участника в среднем",
  meetings_hint: "Когда известно число звонков, каждый звонок округляется вверх до шага тарификации и добавляется плата за соединение, если она есть.",
  meetings_result: {
    one: "= {minutes} мин. за {calls} звонок в месяц",
    few: "= {minutes} мин. за {calls} звонка в месяц",
    many: "= {minutes} мин. за {calls} звонков в месяц",
    other: "= {minutes} мин. за {calls} звонка в месяц",
  },
  volume_from_exact: "Всего по точным минутам:",
  minutes_count: { one: "{count} минута", few: "{count} минуты", many: "{count} минут", other: "{count} минуты" },

  users_heading: "Сравнение с лицензией на пользователя",
  users_label: "Пользователей с лицензией",
  users_unit: "польз.",
  users_hint: "Сколько сотрудников получили бы лицензию на аудиоконференции. Оставьте пустым, чтобы не сравнивать.",

  err_empty: "Введите число.",
  err_number: "Введите только цифры, например 1200.",
  err_not_integer: "Введите целое число.",
  err_decimals: { one: "Не больше {count} знака после запятой.", other: "Не больше {count} знаков после запятой." },
  err_negative: "Введите 0 или больше.",
  err_min: "Введите не меньше {min}.",
  err_max: "Введите не больше {max}.",
  err_decimal_mark: "Десятичные отделяйте запятой: {example}.",
  err_decimal_marks: "Используйте одну десятичную запятую, например 12,5.",
  err_grouping: "Разряды отделяйте пробелом по три цифры, например 1 250, а десятичные — запятой: 12,5.",
  stale_invalid: "Показана последняя верная оценка: исправьте выделенное поле.",
  fix_inputs: "Исправьте выделенное поле, чтобы увидеть цены.",

  core_error: "Этот запрос нельзя рассчитать.",
  core_invalid_request: "Запрос некорректен.",
  core_invalid_number: "Неверное число.",
  core_negative: "Число отрицательное.",
  core_too_large: "Слишком большое число.",
  core_invalid_count: "Количество должно быть целым числом не меньше 1.",
  core_unknown_country: "Страны нет в тарифной сетке.",
  core_unknown_kind: "Неизвестный вид звонков.",
  core_unknown_currency: "Валюты нет в тарифной сетке.",
  core_kind_not_offered: "Этот вид звонков недоступен в выбранной стране.",
  core_overflow: "Числа слишком велики для точного расчёта.",

  total_label: "Ориентировочно в месяц",
  per_minute_line: {
    one: "в среднем {rate} за минуту · {minutes} минута",
    few: "в среднем {rate} за минуту · {minutes} минуты",
    many: "в среднем {rate} за минуту · {minutes} минут",
    other: "в среднем {rate} за минуту · {minutes} минуты",
  },
  no_minutes: "Пока нет минут для расчёта.",
  verdict_pay_per_minute: "Поминутная оплата на {amount} в месяц дешевле лицензии на пользователя.",
  verdict_per_user_licence: "Лицензия на пользователя обошлась бы на {amount} в месяц дешевле.",
  verdict_equal: "Поминутная оплата и лицензия на пользователя стоят одинаково.",
  unpriced_minutes: {
    one: "{minutes} минута не учтена: этот вид звонков в стране недоступен.",
    few: "{minutes} минуты не учтены: эти виды звонков в своих странах недоступны.",
    many: "{minutes} минут не учтено: эти виды звонков в своих странах недоступны.",
    other: "{minutes} минуты не учтено: эти виды звонков в своих странах недоступны.",
  },
  announce_total: "Итого в месяц {total}. {rate} за минуту.",
  announce_total_only: "Итого в месяц {total}.",
  currency_not_in_card: "Валюты {wanted} нет в этой тарифной сетке; суммы указаны в {used}.",
  nothing_to_price: "Пока нечего считать: укажите минуты.",
  add_countries_first: "Добавьте хотя бы одну страну или регион, чтобы увидеть цены.",

  breakdown_heading: "Расходы по странам и видам звонков",
  breakdown_caption: "Суммы в {currency} без налогов. Нажмите на заголовок столбца, чтобы отсортировать.",
  col_country: "Страна",
  col_kind: "Вид",
  col_rate: "Цена минуты",
  col_minutes: "Минуты к оплате",
  col_cost: "Стоимость",
  sortable: "можно сортировать",
  sorted_by: "Сортировка: {column}, {direction}.",
  ascending: "по возрастанию",
  descending: "по убыванию",
  calls_paren: { one: "({count} звонок)", few: "({count} звонка)", many: "({count} звонков)", other: "({count} звонка)" },
  minutes_not_priced: { one: "{minutes} минута не учтена.", few: "{minutes} минуты не учтены.", many: "{minutes} минут не учтено.", other: "{minutes} минуты не учтено." },
  minutes_not_priced_paren: { one: "({minutes} минута не учтена)", few: "({minutes} минуты не учтены)", many: "({minutes} минут не учтено)", other: "({minutes} минуты не учтено)" },
  not_priced: "не учтено",
  subtotal_for: "Итого: {country}",
  all_countries_kind: "Все страны: {kind}",
  total_row: "Всего",
  connection_fees_included: "В том числе плата за соединение: {amount}.",

  chart_heading: "Расходы по странам и видам звонков",
  legend: "Условные обозначения",
  nothing_to_chart: "Нет расходов для показа.",

  cmp_heading: "Поминутная оплата или лицензия на пользователя?",
  cmp_needs_users: "Укажите выше число пользователей с лицензией, чтобы сравнить с лицензией на пользователя.",
  option_pay_per_minute: "Поминутная оплата",
  option_per_user_licence: "Лицензия на пользователя",
  per_month: "в месяц",
  cheaper_by: "Дешевле на {amount}",
  ppm_detail: "Каждая минута оплачивается по тарифам выше.",
  licence_detail: {
    one: "{users} лицензия × {price} = {licence}",
    few: "{users} лицензии × {price} = {licence}",
    many: "{users} лицензий × {price} = {licence}",
    other: "{users} лицензии × {price} = {licence}",
  },
  licence_usage_detail: "Звонки сверх лицензии: {usage}",
  break_even_text: "Оба варианта стоят {cost} примерно при {per_user} мин. на пользователя в месяц ({monthly} мин. всего). Сейчас у вас {current} мин. на пользователя: ниже точки безубыточности выгоднее поминутная оплата, выше — лицензия.",
  no_break_even_ppm: "При таком соотношении звонков поминутная оплата дешевле при любом объёме: лицензия не включает эти виды звонков.",
  no_break_even_licence: "При таком соотношении звонков лицензия на пользователя дешевле при любом объёме.",
  pool_text: {
    one: "Лицензия включает общий пакет из {pool} минуты исходящих звонков в страны зоны A; этот план израсходует {used} (сверх пакета — {overflow}).",
    few: "Лицензия включает общий пакет из {pool} минут исходящих звонков в страны зоны A; этот план израсходует {used} (сверх пакета — {overflow}).",
    many: "Лицензия включает общий пакет из {pool} минут исходящих звонков в страны зоны A; этот план израсходует {used} (сверх пакета — {overflow}).",
    other: "Лицензия включает общий пакет из {pool} минуты исходящих звонков в страны зоны A; этот план израсходует {used} (сверх пакета — {overflow}).",
  },
  break_even_chart_title: "Расходы в месяц в зависимости от минут на пользователя",
  break_even_chart_desc: "Поминутная оплата растёт с объёмом; лицензия не меняется, пока не закончатся включённые минуты. Линии пересекаются при {per_user} мин. на пользователя ({cost} в месяц). Сейчас у вас {current} мин. на пользователя.",
  break_even_chart_desc_none: "При таком соотношении звонков линии не пересекаются. Сейчас у вас {current} мин. на пользователя.",
  axis_minutes_per_user: "Минут на пользователя в месяц",
  marker_now: "Вы: {value} мин",
  marker_value: "{value} мин",
  marker_break_even: "Безубыточность: {value} мин",
  legend_break_even: "Точка безубыточности",
  legend_now: "Ваш объём",

  credits_heading: "План пополнения кредитов на связь",
  credits_intro: "Поминутная оплата списывается с предоплаченных кредитов на связь (Communications Credits). План для такого ежемесячного расхода:",
  first_funding: "Первое пополнение",
  recharge_amount: "Сумма автопополнения",
  recharge_trigger: "Пополнять, когда баланс ниже",
  months_covered: "Первого пополнения хватит примерно на",
  months_value: { one: "{months} месяц", few: "{months} месяца", many: "{months} месяцев", other: "{months} месяца" },
  minimum_funding: "Рекомендуемое минимальное пополнение — {amount}.",
  credits_expire: "Кредиты на связь, не использованные в течение 12 месяцев после покупки, сгорают.",
  credits_would_expire: "При таком расходе около {amount} из первого пополнения сгорят неиспользованными через 12 месяцев.",
  zero_balance_stops_calls: "При нулевом балансе все звонки, оплачиваемые кредитами на связь, прекращаются, включая входящие на бесплатные номера: не отключайте автопополнение.",
  credits_unavailable: "{country}: кредиты на связь там купить нельзя, поэтому организация оттуда не сможет оплачивать звонки поминутно.",

  notes_heading: "Важно знать",
  illustrative_rates: "Тарифы примерные, это не цены Microsoft.",
  excludes_taxes: "Цены указаны без налогов.",
  volume_licensing_only: "Поминутная оплата доступна только клиентам с корпоративным лицензированием (Volume Licensing) — через их менеджера по работе с клиентами.",
  ppm_only: "{country}: аудиоконференции здесь продаются только с поминутной оплатой.",
  card_line: "Тарифная сетка {version}, действует с {date}",
  source: "Источник тарифов",
};

const CATALOGUES = { en, ru };

/**
 * The locale to use: `requested` when its language has a catalogue, else the first of the browser's
 * languages that has one, else "en". Returns a canonical BCP 47 tag ("en-GB", "ru").
 */
export function resolveLocale(requested) {
  const prefs = requested ? [requested] : navigator.languages?.length ? [...navigator.languages] : [navigator.language || "en"];
  for (const tag of prefs) {
    let canonical;
    try {
      canonical = Intl.getCanonicalLocales(tag)[0];
    } catch {
      continue;
    }
    if (canonical && SUPPORTED_LANGUAGES.includes(canonical.split("-")[0].toLowerCase())) return canonical;
  }
  return "en";
}

/**
 * The message function for `locale`: t(key, params) with `t.has(key)`. Falls back to English, then to the
 * key itself, so that a missing translation never breaks the page.
 */
export function catalogue(locale) {
  const lang = String(locale).split("-")[0].toLowerCase();
  const primary = CATALOGUES[lang] ?? en;
  const plural = new Map();
  const rules = (scale) => {
    if (!plural.has(scale)) plural.set(scale, new Intl.PluralRules(locale, { minimumFractionDigits: scale }));
    return plural.get(scale);
  };
  const t = (key, params = {}) => {
    let msg = primary[key] ?? en[key] ?? key;
    if (typeof msg === "object") {
      const n = params.n ?? params.count;
      const text = String(n ?? 0);
      const scale = text.includes(".") ? text.split(".")[1].length : 0;
      const category = rules(scale).select(Number(text));
      msg = msg[category] ?? msg.other;
    }
    return msg.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  };
  t.has = (key) => key in primary || key in en;
  t.lang = lang;
  return t;
}

/** Formats amounts of one currency, numbers, percents and dates in one locale with Intl. */
export class Formatter {
  constructor(locale, currency, minorUnits) {
    this.locale = locale;
    this.currency = currency;
    this.minorUnits = minorUnits;
    this.moneyFormat = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
    this.shortMoney = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
    this.percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    this.cache = new Map();
  }

  /** An amount (decimal string) with the currency's minor units; the string goes to Intl as it is. */
  money(value) {
    return this.moneyFormat.format(String(value));
  }

  /** A compact amount for chart axes ("$1.2K"). */
  moneyShort(value) {
    return this.shortMoney.format(String(value));
  }

  /** A per-minute rate: at least the minor units, and every digit the rate has. */
  rate(value) {
    const text = String(value);
    const scale = text.includes(".") ? text.split(".")[1].length : 0;
    const max = Math.min(20, Math.max(this.minorUnits, scale));
    const key = `rate${max}`;
    if (!this.cache.has(key)) {
      this.cache.set(key, new Intl.NumberFormat(this.locale, { style: "currency", currency: this.currency, minimumFractionDigits: this.minorUnits, maximumFractionDigits: max }));
    }
    return this.cache.get(key).format(text);
  }

  /** A number (decimal string or integer) with every digit it has, or exactly `fixed` decimals. */
  number(value, fixed) {
    const text = String(value);
    const scale = text.includes(".") ? text.split(".")[1].length : 0;
    const key = fixed === undefined ? `n${Math.min(20, scale)}` : `f${fixed}`;
    if (!this.cache.has(key)) {
      const opts = fixed === undefined ? { maximumFractionDigits: Math.min(20, scale) } : { minimumFractionDigits: fixed, maximumFractionDigits: fixed };
      this.cache.set(key, new Intl.NumberFormat(this.locale, opts));
    }
    return this.cache.get(key).format(text);
  }

  /** An integer percent (0–100). */
  percent(value) {
    return this.percentFormat.format(`${value}e-2`);
  }

  /** An ISO date (YYYY-MM-DD) in words. */
  date(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!m) return String(iso);
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return new Intl.DateTimeFormat(this.locale, { dateStyle: "long", timeZone: "UTC" }).format(d);
  }
}
