import { CLOSURE_ROWS, closureField, COPIED_FIELD, COPY_ACTION, dayField, MODEL_FIELD, tickField } from '@/contributions/hoursForm'
import { DAY_LABELS, DAYS } from '@/fields/openingHours/schema'
import { ErrorSummary, Form, FormGuardFields, type FormState, TextField, valueOf } from '@/forms/components'

/** A small labelled input whose error is tied to it (aria-describedby). */
function SmallInput({ name, label, type, state, placeholder }: { name: string; label: string; type: 'date' | 'text'; state: FormState; placeholder?: string }) {
  const error = state.errors[name]
  return (
    <div className={`field field-inline${error ? ' field-invalid' : ''}`}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <p className="field-error" id={`${name}-erreur`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={valueOf(state, name)}
        maxLength={type === 'text' ? 100 : undefined}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-erreur` : undefined}
      />
    </div>
  )
}

/** The help above the form: how to write a day's hours. */
export function HoursFormHelp() {
  return (
    <p>
      Écrivez les horaires de chaque jour sur une ligne, par exemple « 8h30-12h, 14h-18h30 » (8h, 8h30, 8:30 ou 08:30
      conviennent). Laissez vide un jour de fermeture. « Ouvert maintenant » est calculé à partir de ces horaires.
    </p>
  )
}

/**
 * The « Horaires » form of « Mon espace » (a profile's or a service's): the weekly hours one
 * text per day, « Copier sur les jours cochés », a note and closures, as a plain form that
 * works without JavaScript. The fields are those read by `valuesToHours` (contributions/hoursForm).
 */
export function HoursForm({ action, token, state }: { action: string; token: string; state: FormState }) {
  const copied = valueOf(state, COPIED_FIELD)
  return (
    <div id="formulaire">
      <ErrorSummary state={state} />
      <p role="status" className={copied ? 'success-box' : undefined}>
        {copied}
      </p>
      <Form action={action}>
        <FormGuardFields token={token} />
        <fieldset className="field hours-copy">
          <legend>Plusieurs jours aux mêmes horaires</legend>
          <SmallInput name={MODEL_FIELD} label="Horaires à copier" type="text" state={state} placeholder="8h30-12h, 14h-18h30" />
          <fieldset className="field">
            <legend>Jours où les copier</legend>
            <ul className="checks hours-days">
              {DAYS.map((day) => (
                <li key={day}>
                  <input type="checkbox" id={tickField(day)} name={tickField(day)} value="1" defaultChecked={Boolean(valueOf(state, tickField(day)))} />
                  <label htmlFor={tickField(day)}>{DAY_LABELS[day]}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" name="action" value={COPY_ACTION} className="button button-secondary">
            Copier sur les jours cochés
          </button>
        </fieldset>
        <fieldset className="field hours-week">
          <legend>Horaires de la semaine</legend>
          {DAYS.map((day) => (
            <SmallInput key={day} name={dayField(day)} label={DAY_LABELS[day]} type="text" state={state} placeholder="Fermé" />
          ))}
        </fieldset>
        <TextField name="note" label="Précision (facultatif)" state={state} maxLength={200} hint="Par exemple : sur rendez-vous le samedi." />
        <fieldset className="field">
          <legend>Fermetures à venir (congés, travaux)</legend>
          {Array.from({ length: CLOSURE_ROWS }, (_, i) => i + 1).map((n) => (
            <div key={n} className="hours-range">
              <SmallInput name={closureField(n, 'du')} label={`Fermeture ${n} : du`} type="date" state={state} />
              <SmallInput name={closureField(n, 'au')} label={`Fermeture ${n} : au (inclus)`} type="date" state={state} />
              <SmallInput name={closureField(n, 'motif')} label={`Fermeture ${n} : motif`} type="text" state={state} />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Enregistrer les horaires
        </button>
      </Form>
    </div>
  )
}
