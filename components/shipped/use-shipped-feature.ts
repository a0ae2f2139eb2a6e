import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { get, useFieldArray, useForm, type FieldPath, type UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";
import { ApiError, apiFetch } from "@/components/api-client";
import type { ShippedOverview } from "@/lib/shipped";
import { shippedFeatureSchema, type ShippedFeatureInput } from "@/lib/validation/shipped";

export interface IncidentDraft {
  /** Stable while the incident is on screen: its inputs' ids are made from it. */
  key: number;
  occurredOn: string;
  whatHappened: string;
  whatChanged: string;
  featureWasOff: boolean;
}

export type Draft = Record<
  | "title"
  | "problem"
  | "model"
  | "approach"
  | "launchDate"
  | "evalUrl"
  | "monitoringUrl"
  | "outcomeMetric"
  | "outcomeBefore"
  | "outcomeAfter"
  | "outcomeUnit"
  | "outcomeVolume",
  string
>;

/** The form's values: every field as typed (numbers too), and the incidents. */
export interface ShippedFormValues extends Draft {
  incidents: IncidentDraft[];
}

/** What one field of the record needs from the form, so a field component takes it in one spread. */
export type FieldBinding = Pick<UseFormRegisterReturn<keyof Draft>, "name" | "onChange" | "onBlur" | "ref"> & {
  /** Rendered by the server too, so the record shows before any script runs. */
  defaultValue: string;
  errors: string[] | undefined;
};

/** One field's messages, as components/ui/FieldError shows them; `path` as in "incidents.0.occurredOn". */
export type MessagesAt = (path: string) => string[] | undefined;

const numberText = (n: number | null) => (n === null ? "" : String(n));
/** "" is nothing; anything else must read as a number (the schema says so if not). */
const numberOf = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(/,/g, "")));

/** The request body the form's values make: numbers read, incidents without their React keys. */
function bodyOf(values: ShippedFormValues): ShippedFeatureInput {
  return {
    ...values,
    outcomeBefore: numberOf(values.outcomeBefore),
    outcomeAfter: numberOf(values.outcomeAfter),
    incidents: values.incidents.map(({ key: _key, ...i }) => i),
  };
}

/** The form is checked by the API's own schema, on the body it would send: the same messages, the same field paths. */
const shippedFormSchema = z.custom<ShippedFormValues>().transform(bodyOf).pipe(shippedFeatureSchema);

function valuesOf(overview: ShippedOverview): ShippedFormValues {
  const r = overview.record;
  return {
    title: r?.title ?? "",
    problem: r?.problem ?? "",
    model: r?.model ?? "",
    approach: r?.approach ?? "",
    launchDate: r?.launchDate ?? "",
    evalUrl: r?.evalUrl ?? "",
    monitoringUrl: r?.monitoringUrl ?? "",
    outcomeMetric: r?.outcomeMetric ?? "",
    outcomeBefore: numberText(r?.outcomeBefore ?? null),
    outcomeAfter: numberText(r?.outcomeAfter ?? null),
    outcomeUnit: r?.outcomeUnit ?? "",
    outcomeVolume: r?.outcomeVolume ?? "",
    incidents: (r?.incidents ?? []).map((incident, key) => ({ key, ...incident })),
  };
}

/** The shipped-feature form (react-hook-form): the record's fields, its incidents, and saving it. */
export function useShippedFeature(initial: ShippedOverview) {
  const [overview, setOverview] = useState(initial);
  const [defaults] = useState(() => valuesOf(initial));
  const [saved, setSaved] = useState(false);
  const [nextKey, setNextKey] = useState(defaults.incidents.length);
  // Errors stay until the next save, as the server's do: fields aren't re-checked while being fixed.
  const form = useForm<ShippedFormValues, unknown, z.output<typeof shippedFormSchema>>({
    defaultValues: defaults,
    resolver: zodResolver(shippedFormSchema),
    reValidateMode: "onSubmit",
  });
  const { control, formState, getValues, handleSubmit, register, setError } = form;
  const incidents = useFieldArray({ control, name: "incidents" });

  const save = useMutation({
    mutationFn: (body: unknown) =>
      overview.id
        ? apiFetch<ShippedOverview>(`/api/shipped-features/${overview.id}`, { method: "PUT", body })
        : apiFetch<ShippedOverview>("/api/shipped-features", { method: "POST", body }),
    onSuccess: (next) => {
      setOverview(next);
      setSaved(true);
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.fields)) return;
      for (const [path, messages] of Object.entries(error.fields)) {
        setError(path as FieldPath<ShippedFormValues>, { type: "server", message: messages.join(" ") });
      }
    },
  });

  const edited = () => setSaved(false);
  const messagesAt: MessagesAt = (path) => {
    const message = get<typeof formState.errors, { message?: unknown } | undefined>(formState.errors, path)?.message;
    return typeof message === "string" && message !== "" ? [message] : undefined;
  };
  const bind = (key: keyof Draft): FieldBinding => {
    const { name, onChange, onBlur, ref } = register(key, { onChange: edited });
    return { name, onChange, onBlur, ref, defaultValue: defaults[key], errors: messagesAt(key) };
  };
  const registerIncident = (path: `incidents.${number}.${"occurredOn" | "whatHappened" | "whatChanged" | "featureWasOff"}`) =>
    register(path, { onChange: edited });
  const removeIncident = (index: number) => {
    edited();
    incidents.remove(index);
  };
  const addIncident = () => {
    edited();
    incidents.append(
      { key: nextKey, occurredOn: overview.today, whatHappened: "", whatChanged: "", featureWasOff: false },
      { shouldFocus: false },
    );
    setNextKey((k) => k + 1);
  };
  // The body sent is the form's as typed; the server parses it with the same schema.
  const onSubmit = handleSubmit(
    () => save.mutate(bodyOf(getValues())),
    () => setSaved(false),
  );

  return {
    overview,
    incidents: incidents.fields,
    hasErrors: Object.keys(formState.errors).length > 0,
    messagesAt,
    saved,
    save,
    bind,
    registerIncident,
    removeIncident,
    addIncident,
    onSubmit,
  };
}
