import { formatBand, LONDON_SALARY_BANDS, MLE_PREMIUM_PERCENT, SALARY_SOURCE } from "@/lib/context/salary-bands";

/** London base pay by level, Software Engineer vs ML Engineer, with the source under the table. */
export function SalaryBands({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="salary-bands-heading" className="space-y-2">
      <Heading id="salary-bands-heading" className="font-semibold">
        London pay by level: Software vs ML Engineer
      </Heading>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        At the same level, ML Engineers in the UK earn {MLE_PREMIUM_PERCENT[0]}–{MLE_PREMIUM_PERCENT[1]}% more ({SALARY_SOURCE.cite}); the
        gap is widest at senior level.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Base salary ranges in London, {SALARY_SOURCE.cite}</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            <th scope="col" className="py-1 pr-2 font-medium">
              Level
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Software
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              ML
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Lift
            </th>
          </tr>
        </thead>
        <tbody>
          {LONDON_SALARY_BANDS.map((band) => (
            <tr key={band.level} className="border-b border-stone-200 last:border-0 dark:border-stone-800">
              <th scope="row" className="py-1 pr-2 font-normal">
                {band.level}
              </th>
              <td className="py-1 pr-2 tabular-nums">{formatBand(band.swe)}</td>
              <td className="py-1 pr-2 tabular-nums">{formatBand(band.mle)}</td>
              <td className="py-1 text-right tabular-nums">+{band.liftPercent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-stone-600 dark:text-stone-400">
        Source: {SALARY_SOURCE.publisher}, “{SALARY_SOURCE.title}” ({SALARY_SOURCE.year}). London base salaries, a recruiter&apos;s figures;
        lift as given there.
      </p>
    </section>
  );
}
