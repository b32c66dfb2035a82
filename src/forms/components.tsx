import type { ReactNode } from 'react'

import { HONEYPOT_FIELD, TOKEN_FIELD } from './guard'
import type { FlashState } from './flash'

/**
 * Server-rendered form pieces: every field has a label; an error is tied to its field with
 * aria-describedby and aria-invalid, and listed in a summary at the top of the form.
 */

export type FormState = { values: FlashState['values']; errors: Record<string, string> }

export const EMPTY_STATE: FormState = { values: {}, errors: {} }

export function valueOf(state: FormState, name: string, fallback = ''): string {
  const value = state.values[name]
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? fallback) : fallback
}

function describedBy(name: string, state: FormState, hint?: string): string | undefined {
  const ids = [hint ? `${name}-aide` : null, state.errors[name] ? `${name}-erreur` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function FieldMessages({ name, state, hint }: { name: string; state: FormState; hint?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${name}-aide`}>
          {hint}
        </p>
      ) : null}
      {state.errors[name] ? (
        <p className="field-error" id={`${name}-erreur`}>
          {state.errors[name]}
        </p>
      ) : null}
    </>
  )
}

type InputProps = {
  name: string
  label: string
  state: FormState
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'tel' | 'url' | 'search'
  required?: boolean
  hint?: string
  autoComplete?: string
  maxLength?: number
  defaultValue?: string
}

export function TextField({ name, label, state, type = 'text', required, hint, autoComplete, maxLength, defaultValue }: InputProps) {
  const invalid = Boolean(state.errors[name])
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </label>
      <FieldMessages name={name} state={state} hint={hint} />
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={type === 'password' ? undefined : valueOf(state, name, defaultValue ?? '')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, state, hint)}
      />
    </div>
  )
}

export function TextArea({ name, label, state, required, hint, maxLength, defaultValue, rows = 6 }: InputProps & { rows?: number }) {
  const invalid = Boolean(state.errors[name])
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </label>
      <FieldMessages name={name} state={state} hint={hint} />
      <textarea
        id={name}
        name={name}
        required={required}
        rows={rows}
        maxLength={maxLength}
        defaultValue={valueOf(state, name, defaultValue ?? '')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, state, hint)}
      />
    </div>
  )
}

export type Option = { value: string; label: string }

export function SelectField({
  name,
  label,
  state,
  options,
  required,
  hint,
  placeholder = '— Choisir —',
  defaultValue,
}: InputProps & { options: Option[]; placeholder?: string }) {
  const invalid = Boolean(state.errors[name])
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </label>
      <FieldMessages name={name} state={state} hint={hint} />
      <select
        id={name}
        name={name}
        required={required}
        defaultValue={valueOf(state, name, defaultValue ?? '')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, state, hint)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function RadioGroup({
  name,
  legend,
  state,
  options,
  required,
  defaultValue,
}: {
  name: string
  legend: string
  state: FormState
  options: Option[]
  required?: boolean
  defaultValue?: string
}) {
  const invalid = Boolean(state.errors[name])
  const current = valueOf(state, name, defaultValue ?? '')
  return (
    <fieldset
      className={`field checks${invalid ? ' field-invalid' : ''}`}
      aria-describedby={invalid ? `${name}-erreur` : undefined}
      aria-invalid={invalid || undefined}
    >
      <legend>
        {legend}
        {required ? <span className="required"> (obligatoire)</span> : null}
      </legend>
      <FieldMessages name={name} state={state} />
      {options.map((option) => (
        <div key={option.value} className="check">
          <input
            type="radio"
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={current === option.value}
            required={required}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

/** The errors of a form, listed first, each linking to its field. */
export function ErrorSummary({ state, labels }: { state: FormState; labels?: Record<string, string> }) {
  const entries = Object.entries(state.errors)
  if (entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" aria-labelledby="erreurs-titre" tabIndex={-1}>
      <h2 id="erreurs-titre">
        {entries.length === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {name === '_form' ? message : <a href={`#${name}`}>{labels?.[name] ? `${labels[name]} : ${message}` : message}</a>}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The signed token alone: for a one-button form that nobody fills (« Se déconnecter »). */
export function FormTokenField({ token }: { token: string }) {
  return <input type="hidden" name={TOKEN_FIELD} value={token} />
}

/**
 * The hidden parts of every public form: its signed token and the honeypot. A second form on
 * the same page gives its honeypot another `honeypotId` (ids are unique in a page).
 */
export function FormGuardFields({ token, honeypotId = HONEYPOT_FIELD }: { token: string; honeypotId?: string }) {
  return (
    <>
      <FormTokenField token={token} />
      <div className="hp-field" aria-hidden="true">
        <label htmlFor={honeypotId}>Ne remplissez pas ce champ</label>
        <input type="text" id={honeypotId} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  )
}

export function Form({ action, children, multipart }: { action: string; children: ReactNode; multipart?: boolean }) {
  return (
    <form method="post" action={action} encType={multipart ? 'multipart/form-data' : undefined} noValidate className="contrib-form">
      {children}
    </form>
  )
}
