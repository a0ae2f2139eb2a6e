// Words and figures the check-in form and its acknowledgement both show.

export const CONFIDENCE = [
  { value: 1, label: "Lost" },
  { value: 2, label: "Shaky" },
  { value: 3, label: "Steady" },
  { value: 4, label: "Good" },
  { value: 5, label: "Sure" },
] as const;

export const hoursText = (hours: number) => `${hours.toLocaleString("en-GB")} h`;
