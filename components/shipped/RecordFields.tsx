import { FieldError } from "@/components/ui/FieldError";
import { INCIDENTS_MAX, SHIPPED_SHORT_MAX, SHIPPED_TEXT_MAX } from "@/lib/validation/shipped";
import type { FieldBinding, IncidentDraft, MessagesAt, useShippedFeature } from "./use-shipped-feature";

const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";

function FieldLabel({ name, label, hint }: { name: string; label: string; hint: string | undefined }) {
  return (
    <>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
    </>
  );
}

export function TextField({
  errors,
  label,
  max,
  hint,
  type,
  inputMode,
  placeholder,
  ...field
}: FieldBinding & {
  label: string;
  max?: number;
  hint?: string;
  type?: string;
  inputMode?: "url" | "decimal" | "text";
  placeholder?: string;
}) {
  return (
    <div>
      <FieldLabel name={field.name} label={label} hint={hint} />
      <input
        id={field.name}
        {...field}
        type={type ?? "text"}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={max ?? SHIPPED_SHORT_MAX}
        className={input}
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${field.name}-error${hint ? ` ${field.name}-hint` : ""}`}
      />
      <FieldError id={`${field.name}-error`} messages={errors} />
    </div>
  );
}

export function AreaField({ errors, label, hint, ...field }: FieldBinding & { label: string; hint?: string }) {
  return (
    <div>
      <FieldLabel name={field.name} label={label} hint={hint} />
      <textarea
        id={field.name}
        {...field}
        rows={3}
        maxLength={SHIPPED_TEXT_MAX}
        className={`${input} field-sizing-content`}
        aria-invalid={errors ? true : undefined}
        aria-describedby={`${field.name}-error${hint ? ` ${field.name}-hint` : ""}`}
      />
      <FieldError id={`${field.name}-error`} messages={errors} />
    </div>
  );
}

type RegisterIncident = ReturnType<typeof useShippedFeature>["registerIncident"];

function IncidentItem({
  incident,
  index: i,
  messagesAt,
  register,
  onRemove,
}: {
  incident: IncidentDraft;
  index: number;
  messagesAt: MessagesAt;
  register: RegisterIncident;
  onRemove: (index: number) => void;
}) {
  const base = `incidents.${i}` as const;
  const id = `incident-${incident.key}`;
  return (
    <li className="space-y-3 rounded-lg bg-stone-100 p-3 dark:bg-stone-800" aria-label={`Incident ${i + 1}`}>
      <div>
        <label htmlFor={`${id}-date`} className="block text-sm font-medium">
          Incident {i + 1}: date
        </label>
        <input
          id={`${id}-date`}
          type="date"
          defaultValue={incident.occurredOn}
          {...register(`${base}.occurredOn`)}
          className={input}
          aria-describedby={`${id}-date-error`}
        />
        <FieldError id={`${id}-date-error`} messages={messagesAt(`${base}.occurredOn`)} />
      </div>
      <div>
        <label htmlFor={`${id}-happened`} className="block text-sm font-medium">
          What happened
        </label>
        <textarea
          id={`${id}-happened`}
          rows={3}
          maxLength={SHIPPED_TEXT_MAX}
          defaultValue={incident.whatHappened}
          {...register(`${base}.whatHappened`)}
          className={`${input} field-sizing-content`}
          aria-describedby={`${id}-happened-error`}
        />
        <FieldError id={`${id}-happened-error`} messages={messagesAt(`${base}.whatHappened`)} />
      </div>
      <div>
        <label htmlFor={`${id}-changed`} className="block text-sm font-medium">
          What changed afterwards
        </label>
        <textarea
          id={`${id}-changed`}
          rows={3}
          maxLength={SHIPPED_TEXT_MAX}
          defaultValue={incident.whatChanged}
          {...register(`${base}.whatChanged`)}
          className={`${input} field-sizing-content`}
          aria-describedby={`${id}-changed-error`}
        />
        <FieldError id={`${id}-changed-error`} messages={messagesAt(`${base}.whatChanged`)} />
      </div>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          defaultChecked={incident.featureWasOff}
          {...register(`${base}.featureWasOff`)}
          className="size-5 shrink-0 accent-brand-700"
        />
        <span>The feature was switched off or not looked after (restarts the 90 days from this date)</span>
      </label>
      <button
        type="button"
        onClick={() => onRemove(i)}
        className="min-h-11 rounded-lg border border-stone-400 px-3 py-2 text-sm font-medium dark:border-stone-600"
      >
        Remove incident {i + 1}
      </button>
    </li>
  );
}

export function IncidentsFieldset({
  incidents,
  messagesAt,
  register,
  onRemove,
  onAdd,
}: {
  incidents: IncidentDraft[];
  messagesAt: MessagesAt;
  register: RegisterIncident;
  onRemove: (index: number) => void;
  onAdd: () => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Incidents handled</legend>
      {incidents.length === 0 && <p className="text-sm text-stone-700 dark:text-stone-300">None recorded yet.</p>}
      <FieldError id="incidents-error" messages={messagesAt("incidents")} />
      <ol className="space-y-4">
        {incidents.map((incident, i) => (
          <IncidentItem key={incident.key} incident={incident} index={i} messagesAt={messagesAt} register={register} onRemove={onRemove} />
        ))}
      </ol>
      {incidents.length < INCIDENTS_MAX && (
        <button
          type="button"
          onClick={onAdd}
          className="min-h-11 rounded-lg border border-stone-400 px-4 py-2 text-sm font-medium dark:border-stone-600"
        >
          Add an incident
        </button>
      )}
    </fieldset>
  );
}
