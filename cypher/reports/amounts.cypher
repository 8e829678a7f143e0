// name: amounts
// description: 按金额排列的投资与签约（Quantity），可按城市和日期筛选 / Investments and signings ranked by value (Quantity nodes), optionally by city and date
// param: city: string = null — 所述实体位于该城市（含下辖区县） / the entity described is in this city (districts included) or is it
// param: since: date = null — 文章日期不早于 / article dated on or after
// param: until: date = null — 文章日期不晚于 / article dated on or before
// param: aspect: string = null — investment、signing、contract、funding…；默认投资、签约和合同 / one aspect; default investment, signing and contract
// param: unit: string = 元 — 货币单位 / currency unit (amounts in other currencies are not converted)
// param: limit: int = 50 — 最多返回行数 / maximum rows
// ask: 金额|投资额|总投资|签约额|签约金额|多少钱|亿元 {city:City}?
// example: 淄博的投资金额
// mode: read
// columns: value, unit, text, aspect, about, articles, first_date, sentence
CALL () {
  WITH $city AS q WHERE q IS NOT NULL
  CALL (q) {
    // include: named(var=c, label=City, value=q)
  }
  MATCH (d:City)-[:PART_OF*0..3]->(c)
  RETURN collect(DISTINCT d) AS area
}
MATCH (qn:Quantity)
WHERE qn.kind = 'money' AND qn.unit = $unit
  AND CASE WHEN $aspect IS NULL THEN qn.aspect IN ['investment', 'signing', 'contract']
           ELSE qn.aspect = $aspect END
  AND ($since IS NULL OR qn.date >= $since)
  AND ($until IS NULL OR left(qn.date, size($until)) <= $until)
  AND ($city IS NULL
       OR EXISTS { MATCH (qn)-[:QUANTIFIES]->(x) WHERE x IN area }
       OR EXISTS { MATCH (qn)-[:QUANTIFIES]->()-[:LOCATED_IN]->(d) WHERE d IN area })
// the same amount of the same subject reported by several articles is one row
WITH qn.value AS value, qn.unit AS unit, qn.aspect AS aspect,
     coalesce(qn.about, '') AS about, qn
ORDER BY coalesce(qn.date, ''), qn.article, qn.offset
WITH value, unit, aspect, about, collect(qn) AS qs
RETURN value, unit, qs[0].text AS text, aspect, about,
       size(qs) AS articles, qs[0].date AS first_date, qs[0].sentence AS sentence
ORDER BY value DESC, about, aspect
LIMIT $limit
