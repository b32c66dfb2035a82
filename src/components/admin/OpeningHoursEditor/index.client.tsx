'use client'

import { useField, useForm, useFormFields } from '@payloadcms/ui'
import type { ArrayFieldClientProps, FormState } from 'payload'
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react'

import { DAY_LABELS, DAYS, type Day } from '@/fields/openingHours/schema'
import { formatRanges, listDays, parseRanges, type TextRange } from '@/fields/openingHours/text'

type Row = TextRange & { day: Day }
type Texts = Record<Day, string>
type Errors = Partial<Record<Day, string>>

const WORKING_DAYS: Day[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday']
const EXAMPLE = '8h30-12h, 14h-18h30'

const isDay = (value: unknown): value is Day => typeof value === 'string' && (DAYS as readonly string[]).includes(value)

/** Rows in a stable order (week order, then opening time), so that two states compare as strings. */
function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.opens.localeCompare(b.opens))
}

/** The weekly rows held in the form state under `path`, serialised (useFormFields compares by value). */
function rowsKey(fields: FormState, path: string): string {
  const count = fields[path]?.rows?.length ?? 0
  const rows: Row[] = []
  for (let i = 0; i < count; i++) {
    const day = fields[`${path}.${i}.day`]?.value
    const opens = fields[`${path}.${i}.opens`]?.value
    const closes = fields[`${path}.${i}.closes`]?.value
    if (isDay(day) && typeof opens === 'string' && typeof closes === 'string') rows.push({ day, opens, closes })
  }
  return JSON.stringify(sortRows(rows))
}

function byDay(rows: Row[]): Record<Day, TextRange[]> {
  const ranges = (day: Day) => rows.filter((row) => row.day === day).map(({ opens, closes }) => ({ opens, closes }))
  return { monday: ranges('monday'), tuesday: ranges('tuesday'), wednesday: ranges('wednesday'), thursday: ranges('thursday'), friday: ranges('friday'), saturday: ranges('saturday'), sunday: ranges('sunday') }
}

function textsOf(rows: Row[]): Texts {
  return Object.fromEntries(DAYS.map((day) => [day, formatRanges(rows.filter((row) => row.day === day))])) as Texts
}

/**
 * The week's opening hours as one text per day (« 8h30-12h, 14h-18h30 », empty = closed),
 * with « Copier sur les jours cochés » to fill several days at once. The text is read with
 * the same lenient rules as the server (8h, 8h30, 8:30, 08:30, « 8 h 30 ») and written to the
 * array field's rows ({ day, opens, closes }), so the stored data keeps its shape.
 */
export function OpeningHoursEditor(props: ArrayFieldClientProps) {
  const { path, schemaPath, readOnly } = props
  const disabled = Boolean(readOnly || props.field.admin?.readOnly)
  const id = useId().replace(/:/g, '')
  const { addFieldRow, dispatchFields, getField, removeFieldRow, setModified } = useForm()
  const stored = useFormFields(([fields]) => rowsKey(fields, path))

  const [texts, setTexts] = useState<Texts>(() => textsOf(JSON.parse(stored) as Row[]))
  const [errors, setErrors] = useState<Errors>({})
  const [ticked, setTicked] = useState<Day[]>([])
  const [model, setModel] = useState('')
  const [modelError, setModelError] = useState('')
  const [status, setStatus] = useState('')
  const [saveError, setSaveError] = useState('')
  const rowsByDay = useRef<Record<Day, TextRange[]>>(byDay(JSON.parse(stored) as Row[]))
  const written = useRef(stored)
  const pending = useRef<Errors>({})
  const modelInput = useRef<HTMLInputElement>(null)

  // Blocks saving while a day's text does not read, with what to fix.
  const validate = useCallback(() => {
    const invalid = DAYS.filter((day) => pending.current[day])
    if (invalid.length === 0) {
      setSaveError('')
      return true
    }
    const message = `Horaires de la semaine : corrigez ${listDays(invalid)} (${pending.current[invalid[0]!]})`
    setErrors({ ...pending.current })
    setSaveError(message)
    return message
  }, [])
  useField({ path, hasRows: true, validate })
  // Payload runs a field's `validate` on save only once it is in the form state: put it there.
  const checkOnSave = useCallback(() => dispatchFields({ type: 'UPDATE', path, validate }), [dispatchFields, path, validate])

  // Hours changed elsewhere (document loaded, reset, saved by someone else): show them.
  useEffect(() => {
    if (stored === written.current) return
    written.current = stored
    const rows = JSON.parse(stored) as Row[]
    rowsByDay.current = byDay(rows)
    pending.current = {}
    setErrors({})
    setTexts(textsOf(rows))
  }, [stored])

  /** Replaces the array's rows by the ranges of every day. */
  const writeRows = useCallback(() => {
    const rows = sortRows(DAYS.flatMap((day) => rowsByDay.current[day].map((range) => ({ day, ...range }))))
    const key = JSON.stringify(rows)
    if (key === written.current) return
    written.current = key
    const count = getField(path)?.rows?.length ?? 0
    for (let i = count - 1; i >= 0; i--) removeFieldRow({ path, rowIndex: i })
    rows.forEach((row, rowIndex) => {
      const cell = (value: string) => ({ initialValue: value, valid: true, value })
      addFieldRow({
        path,
        rowIndex,
        schemaPath: schemaPath ?? path,
        subFieldState: { day: cell(row.day), opens: cell(row.opens), closes: cell(row.closes) },
      })
    })
  }, [addFieldRow, getField, path, removeFieldRow, schemaPath])

  /** Reads a day's text: a good one goes to the rows at once, a wrong one waits for blur or save. */
  const changeDay = (day: Day, text: string) => {
    setTexts((current) => ({ ...current, [day]: text }))
    const parsed = parseRanges(text)
    if (parsed.ok) {
      delete pending.current[day]
      rowsByDay.current[day] = parsed.ranges
      setErrors((current) => (current[day] ? { ...current, [day]: undefined } : current))
      if (!DAYS.some((d) => pending.current[d])) setSaveError('')
      writeRows()
    } else {
      // The rows stay as they were, but the document has changed: « Enregistrer » says what to fix.
      pending.current[day] = parsed.error
      setModified(true)
      checkOnSave()
    }
  }

  const showDayError = (day: Day) => {
    const error = pending.current[day]
    if (error) setErrors((current) => ({ ...current, [day]: error }))
  }

  const copy = () => {
    const parsed = parseRanges(model)
    if (!model.trim()) {
      setModelError(`Écrivez d’abord les horaires à copier, par exemple ${EXAMPLE}.`)
      modelInput.current?.focus()
      return
    }
    if (!parsed.ok) {
      setModelError(parsed.error)
      modelInput.current?.focus()
      return
    }
    setModelError('')
    if (ticked.length === 0) {
      setStatus('Cochez d’abord les jours où copier ces horaires.')
      return
    }
    const days = DAYS.filter((day) => ticked.includes(day))
    const text = formatRanges(parsed.ranges)
    for (const day of days) {
      rowsByDay.current[day] = parsed.ranges
      delete pending.current[day]
    }
    setTexts((current) => ({ ...current, ...Object.fromEntries(days.map((day) => [day, text])) }))
    setErrors((current) => ({ ...current, ...Object.fromEntries(days.map((day) => [day, undefined])) }))
    if (!DAYS.some((d) => pending.current[d])) setSaveError('')
    writeRows()
    setStatus(`Horaires ${text} copiés sur ${listDays(days)}. Enregistrez la fiche pour les garder.`)
  }

  const copyOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    copy()
  }
  // Enter in a day's text must not save the document before the text is read.
  const stayOnEnter = (day: Day) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    showDayError(day)
  }

  const toggle = (day: Day, on: boolean) =>
    setTicked((current) => (on ? [...current.filter((d) => d !== day), day] : current.filter((d) => d !== day)))

  const hintId = `${id}-aide`
  const modelErrorId = `${id}-modele-erreur`
  return (
    <div className="field-type hours-editor">
      <fieldset className="hours-editor__week">
        <legend className="hours-editor__title">Horaires de la semaine</legend>
        <p id={hintId} className="hours-editor__hint">
          Une ligne par jour, par exemple « {EXAMPLE} » ; laissez vide un jour de fermeture. Pour plusieurs jours aux
          mêmes horaires : cochez les jours, écrivez les horaires une fois, puis « Copier sur les jours cochés ».
        </p>
        <div className="hours-editor__copy">
          <label htmlFor={`${id}-modele`}>Horaires à copier</label>
          <input
            ref={modelInput}
            id={`${id}-modele`}
            type="text"
            value={model}
            placeholder={EXAMPLE}
            disabled={disabled}
            autoComplete="off"
            aria-invalid={modelError ? true : undefined}
            aria-describedby={modelError ? `${modelErrorId} ${hintId}` : hintId}
            onChange={(event) => setModel(event.target.value)}
            onKeyDown={copyOnEnter}
          />
          <button type="button" className="btn btn--style-primary btn--size-small" disabled={disabled} onClick={copy}>
            Copier sur les jours cochés
          </button>
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={disabled} onClick={() => setTicked(WORKING_DAYS)}>
            Cocher du lundi au vendredi
          </button>
          {modelError ? (
            <p id={modelErrorId} className="hours-editor__error">
              {modelError}
            </p>
          ) : null}
        </div>
        <p role="status" className="hours-editor__status">
          {status}
        </p>
        {saveError ? (
          <p className="hours-editor__error" role="alert">
            {saveError}
          </p>
        ) : null}
        {DAYS.map((day) => {
          const error = errors[day]
          const name = DAY_LABELS[day].toLowerCase()
          return (
            <fieldset key={day} className={`hours-editor__day${error ? ' hours-editor__day--error' : ''}`}>
              <legend className="hours-editor__day-name">{DAY_LABELS[day]}</legend>
              <span className="hours-editor__tick">
                <input
                  id={`${id}-${day}-cocher`}
                  type="checkbox"
                  checked={ticked.includes(day)}
                  disabled={disabled}
                  onChange={(event) => toggle(day, event.target.checked)}
                />
                <label htmlFor={`${id}-${day}-cocher`}>
                  Cocher<span className="annuaire-sr-only"> {name}</span>
                </label>
              </span>
              <label htmlFor={`${id}-${day}`} className="annuaire-sr-only">
                Horaires du {name}
              </label>
              <input
                id={`${id}-${day}`}
                className="hours-editor__ranges"
                type="text"
                value={texts[day]}
                placeholder="Fermé"
                disabled={disabled}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${day}-erreur` : undefined}
                onChange={(event) => changeDay(day, event.target.value)}
                onBlur={() => showDayError(day)}
                onKeyDown={stayOnEnter(day)}
              />
              {error ? (
                <p id={`${id}-${day}-erreur`} className="hours-editor__error">
                  {error}
                </p>
              ) : null}
            </fieldset>
          )
        })}
      </fieldset>
    </div>
  )
}
