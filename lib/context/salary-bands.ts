// London base-salary bands by level, Software Engineer vs ML Engineer: the figures only, with their
// source. Pure data.

export const SALARY_SOURCE = {
  publisher: "JobLabs",
  title: "Software Engineer vs ML Engineer: Should You Pivot in 2026",
  year: 2026,
  /** Short form shown next to each figure. */
  cite: "JobLabs, 2026",
} as const;

export interface SalaryBand {
  level: string;
  /** Thousands of pounds a year, London. */
  swe: readonly [number, number];
  mle: readonly [number, number];
  /** The lift the source gives for the level, in per cent. */
  liftPercent: number;
}

export const LONDON_SALARY_BANDS: readonly SalaryBand[] = [
  { level: "Junior", swe: [45, 65], mle: [50, 70], liftPercent: 8 },
  { level: "Mid", swe: [70, 100], mle: [75, 110], liftPercent: 10 },
  { level: "Senior", swe: [95, 130], mle: [120, 165], liftPercent: 24 },
  { level: "Staff / Principal", swe: [140, 180], mle: [170, 220], liftPercent: 20 },
];

/** The source's overall range for the ML Engineer premium at the same seniority, UK. */
export const MLE_PREMIUM_PERCENT = [15, 30] as const;
/** How far AI Engineer pay sits below ML Engineer pay at senior level, per the source. */
export const AI_ENGINEER_GAP_PERCENT = [5, 10] as const;

export const formatBand = ([low, high]: readonly [number, number]) => `£${low}–${high}k`;
