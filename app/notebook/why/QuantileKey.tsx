/** The key of section 1's charts: median (line), 15–85 % band, and the BN network's input to BN (dashed). */
export function QuantileKey() {
  return (
    <ul className="quantile-key" aria-label="Key">
      <li>
        <svg width="26" height="12" aria-hidden="true"><line x1="1" x2="25" y1="6" y2="6" stroke="currentColor" strokeWidth="2.5" /></svg>
        median (50th percentile)
      </li>
      <li>
        <svg width="26" height="12" aria-hidden="true"><rect x="1" y="1" width="24" height="10" fill="currentColor" fillOpacity="0.25" /></svg>
        15th to 85th percentile
      </li>
      <li>
        <svg width="26" height="12" aria-hidden="true"><line x1="1" x2="25" y1="6" y2="6" stroke="currentColor" strokeWidth="2" strokeDasharray="6 4" /></svg>
        with BN: the unit&apos;s input to BN itself (z = a·W), before it is normalized
      </li>
    </ul>
  );
}
