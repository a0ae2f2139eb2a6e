import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type SubmitEvent } from "react";
import { useController, useForm, type FieldError, type FieldPath } from "react-hook-form";
import { z } from "zod";
import { ApiError, apiFetch } from "@/components/api-client";
import type { OpenEnrollmentZone, Settings } from "@/lib/account";
import { settingsUpdateSchema, type SettingsUpdateInput } from "@/lib/validation/settings";

/**
 * The form's values as its fields hold them (the selects' numbers as option text), named as the
 * request body's keys so the API schema's field paths are the fields' own.
 */
export interface SettingsFormValues {
  name: string;
  digestEnabled: boolean;
  digestWeekday: string;
  digestHour: string;
  timezone: string;
  /** Kept while the offer is hidden: the choice made stays if the zone changes back and forth. */
  moveOpenEnrollments: boolean;
}

/** The open enrolments on another zone than `zone`: none unless the zone is being changed from the saved one. */
export function behindOf(zone: string, savedZone: string, enrollments: OpenEnrollmentZone[]): OpenEnrollmentZone[] {
  return zone === savedZone ? [] : enrollments.filter((e) => e.timezone !== zone);
}

/**
 * The request body the values make. Weekday and hour go even with the email off (their selects are
 * disabled, not left out); whether to move the enrolments goes only when the form asks, so an
 * unrelated save never moves them.
 */
function bodyOf(values: SettingsFormValues, offersMove: boolean): SettingsUpdateInput {
  return {
    name: values.name,
    digestEnabled: values.digestEnabled,
    digestWeekday: Number(values.digestWeekday),
    digestHour: Number(values.digestHour),
    timezone: values.timezone,
    ...(offersMove && { moveOpenEnrollments: values.moveOpenEnrollments }),
  };
}

/** Checked by the API's own schema on the body it would send: the server's messages and field paths. */
const settingsFormSchema = (savedZone: string, enrollments: OpenEnrollmentZone[]) =>
  z
    .custom<SettingsFormValues>()
    .transform((values) => bodyOf(values, behindOf(values.timezone, savedZone, enrollments).length > 0))
    .pipe(settingsUpdateSchema);
type SettingsFormOutput = z.output<ReturnType<typeof settingsFormSchema>>;

/**
 * A field's messages as FieldError shows them, on one line: every problem the schema found (hence
 * criteriaMode "all", in the schema's order), or the server's joined message.
 */
function messagesOf(error: FieldError | undefined): string[] | undefined {
  if (!error) return undefined;
  const found = Object.values(error.types ?? {}).flatMap((m) => (typeof m === "string" ? [m] : Array.isArray(m) ? m : []));
  const text = found.length > 0 ? found.join(" ") : (error.message ?? "");
  return text === "" ? undefined : [text];
}

/** What a field of the form needs: its value, a setter, its messages. No ref: nothing is focused for an error. */
function bound<T>({ field, fieldState }: { field: { value: T; onChange: (value: T) => void }; fieldState: { error?: FieldError } }) {
  return { value: field.value, onChange: (value: T) => field.onChange(value), errors: messagesOf(fieldState.error) };
}

/** The settings form (react-hook-form): its fields, the offer to move open enrolments, and saving. */
export function useSettingsForm(initial: Settings, openEnrollments: OpenEnrollmentZone[]) {
  // Changing the zone offers to move the open enrolments still on another one (default yes); an
  // unrelated save (the name, the hour) never moves them.
  const [savedZone, setSavedZone] = useState(initial.timezone);
  const [enrollments, setEnrollments] = useState(openEnrollments);
  const [defaults] = useState<SettingsFormValues>(() => ({
    name: initial.name ?? "",
    digestEnabled: initial.digestEnabled,
    digestWeekday: String(initial.digestWeekday),
    digestHour: String(initial.digestHour),
    timezone: initial.timezone,
    moveOpenEnrollments: true,
  }));
  const resolver = useMemo(() => zodResolver(settingsFormSchema(savedZone, enrollments)), [savedZone, enrollments]);
  // Errors stay until the next save, as the server's do. No focus moves to a field in error: it never did.
  const { control, handleSubmit, setError, clearErrors } = useForm<SettingsFormValues, unknown, SettingsFormOutput>({
    defaultValues: defaults,
    resolver,
    reValidateMode: "onSubmit",
    criteriaMode: "all",
    shouldFocusError: false,
  });
  // Controlled, as before: no `name` attribute on the inputs, and the disabled selects keep their values.
  const name = useController({ control, name: "name" });
  const enabled = useController({ control, name: "digestEnabled" });
  const weekday = useController({ control, name: "digestWeekday" });
  const hour = useController({ control, name: "digestHour" });
  const timezone = useController({ control, name: "timezone" });
  const moveEnrollments = useController({ control, name: "moveOpenEnrollments" });
  const behind = behindOf(timezone.field.value, savedZone, enrollments);

  const save = useMutation({
    mutationFn: (update: SettingsUpdateInput) =>
      apiFetch<{ settings: Settings; movedEnrollments: number }>("/api/me", { method: "PATCH", body: update }),
    onSuccess: ({ settings, movedEnrollments }) => {
      clearErrors();
      setSavedZone(settings.timezone);
      if (movedEnrollments > 0) setEnrollments((list) => list.map((e) => ({ ...e, timezone: settings.timezone })));
    },
    onError: (error) => {
      clearErrors();
      if (!(error instanceof ApiError && error.fields)) return;
      for (const [path, messages] of Object.entries(error.fields)) {
        setError(path as FieldPath<SettingsFormValues>, { type: "server", message: messages.join(" ") });
      }
    },
  });

  // A form that passes its own check loses its old messages as the request goes; the server's answer
  // brings its own.
  const onSubmit = (event: SubmitEvent) => void handleSubmit((update) => save.mutate(update))(event);

  return {
    name: bound(name),
    enabled: bound(enabled),
    weekday: bound(weekday),
    hour: bound(hour),
    timezone: bound(timezone),
    moveEnrollments: bound(moveEnrollments),
    behind,
    save,
    onSubmit,
  };
}
