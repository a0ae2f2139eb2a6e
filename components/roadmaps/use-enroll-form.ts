import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useController, useForm, type FieldError, type FieldPath } from "react-hook-form";
import { z } from "zod";
import { ApiError, apiFetch } from "@/components/api-client";
import { localToday } from "@/lib/calendar/zones";
import { canonicalTimeZone } from "@/lib/time-zones";
import { enrollmentCreateSchema, type EnrollmentCreateInput } from "@/lib/validation/enrollment";

const todayIn = (timeZone: string) => localToday(new Date(), timeZone);

/** The form's values as its fields hold them (numbers as typed), named as the request body's keys. */
export interface EnrollFormValues {
  startDate: string;
  targetMonths: string;
  weeklyHours: string;
  timezone: string;
}

/** The request body the values make: an empty hours box is no number (the schema says so). */
function bodyOf(roadmapSlug: string, values: EnrollFormValues): z.input<typeof enrollmentCreateSchema> {
  return {
    roadmapSlug,
    startDate: values.startDate,
    targetMonths: Number(values.targetMonths),
    weeklyHours: values.weeklyHours === "" ? Number.NaN : Number(values.weeklyHours),
    timezone: values.timezone,
  };
}

/** Checked by the API's own schema on the body it would send: the server's messages and field paths. */
const enrollFormSchema = (roadmapSlug: string) =>
  z
    .custom<EnrollFormValues>()
    .transform((values) => bodyOf(roadmapSlug, values))
    .pipe(enrollmentCreateSchema);

/**
 * A field's messages as FieldError shows them, on one line: every problem the schema found (hence
 * criteriaMode "all", in the schema's order: "Use whole hours. At least 1 hour a week."), or the
 * server's joined message.
 */
function messagesOf(error: FieldError | undefined): string[] | undefined {
  if (!error) return undefined;
  const found = Object.values(error.types ?? {}).flatMap((m) => (typeof m === "string" ? [m] : Array.isArray(m) ? m : []));
  const text = found.length > 0 ? found.join(" ") : (error.message ?? "");
  return text === "" ? undefined : [text];
}

/** What a field of the form needs: its value, a setter, its messages. No ref: nothing is focused for an error. */
function bound({ field, fieldState }: { field: { value: string; onChange: (value: string) => void }; fieldState: { error?: FieldError } }) {
  return { value: field.value, onChange: (value: string) => field.onChange(value), errors: messagesOf(fieldState.error) };
}

/** The enrol form (react-hook-form): its fields, seeded from the device, and enrolling. */
export function useEnrollForm(roadmapSlug: string, targetMonths: number) {
  const router = useRouter();
  const [defaults] = useState<EnrollFormValues>(() => ({
    startDate: "",
    targetMonths: String(targetMonths),
    weeklyHours: "8",
    timezone: "Europe/London",
  }));
  const resolver = useMemo(() => zodResolver(enrollFormSchema(roadmapSlug)), [roadmapSlug]);
  // Errors stay until the next enrol, as the server's do. No focus moves to a field in error: it never did.
  const { control, handleSubmit, setError, setValue } = useForm<EnrollFormValues, unknown, EnrollmentCreateInput>({
    defaultValues: defaults,
    resolver,
    reValidateMode: "onSubmit",
    criteriaMode: "all",
    shouldFocusError: false,
  });
  // Controlled, as before: the inputs carry no `name` attribute.
  const fields = {
    startDate: bound(useController({ control, name: "startDate" })),
    targetMonths: bound(useController({ control, name: "targetMonths" })),
    weeklyHours: bound(useController({ control, name: "weeklyHours" })),
    timezone: bound(useController({ control, name: "timezone" })),
  };

  // The browser knows the user's zone; the server render can't. Editable values, so they are seeded
  // once after hydration (setValue, not React state: never a loop) rather than read through
  // useSyncExternalStore. setValue is the form's own, the same on every render.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const accepted = zone ? canonicalTimeZone(zone) : null;
    if (accepted) setValue("timezone", accepted);
    setValue("startDate", todayIn(zone || "Europe/London"));
  }, [setValue]);

  const mutation = useMutation({
    mutationFn: (input: EnrollmentCreateInput) =>
      apiFetch<{ enrollment: { id: string } }>("/api/enrollments", { method: "POST", body: input }),
    onSuccess: ({ enrollment }) => router.push(`/dashboard?enrollment=${enrollment.id}`),
    onError: (error) => {
      if (!(error instanceof ApiError && error.fields)) return;
      for (const [path, messages] of Object.entries(error.fields)) {
        setError(path as FieldPath<EnrollFormValues>, { type: "server", message: messages.join(" ") });
      }
    },
  });

  // A form that passes its check has its messages cleared at once, as before; the body sent is the schema's output.
  const onSubmit = handleSubmit((input) => mutation.mutate(input));

  return { fields, mutation, onSubmit };
}
