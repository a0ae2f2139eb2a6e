// An offer's base salary read against the London bands in lib/context/salary-bands.ts. Pure.
import { LONDON_SALARY_BANDS, SALARY_SOURCE, type SalaryBand } from "../context/salary-bands";

export const OFFER_LEVELS = LONDON_SALARY_BANDS.map((band) => band.level);

export type BandPosition = "below" | "within" | "above";

export interface OfferReading {
  level: string;
  /** Base salary, whole pounds a year. */
  baseSalary: number;
  swe: { band: readonly [number, number]; position: BandPosition };
  mle: { band: readonly [number, number]; position: BandPosition };
  source: string;
}

/** Bands are in thousands and inclusive at both ends: £120,000 is within £120–165k. */
export function bandPosition(baseSalary: number, [low, high]: readonly [number, number]): BandPosition {
  if (baseSalary < low * 1000) return "below";
  if (baseSalary > high * 1000) return "above";
  return "within";
}

export function findBand(level: string): SalaryBand | undefined {
  return LONDON_SALARY_BANDS.find((band) => band.level === level);
}

/** Null when the level isn't one the source gives bands for. */
export function readOffer(baseSalary: number, level: string): OfferReading | null {
  const band = findBand(level);
  if (!band) return null;
  return {
    level: band.level,
    baseSalary,
    swe: { band: band.swe, position: bandPosition(baseSalary, band.swe) },
    mle: { band: band.mle, position: bandPosition(baseSalary, band.mle) },
    source: SALARY_SOURCE.cite,
  };
}

/** "within the ML Engineer band for Senior (£120–165k, JobLabs, 2026)". */
export function describePosition(position: BandPosition, role: "ML Engineer" | "Software Engineer", level: string): string {
  return `${position} the ${role} band for ${level}`;
}
