import { optionLabel, stepName, type Parameter, type TemplateInfo } from '../../engine/index';

export type ChoiceControlProps = {
  template: TemplateInfo;
  parameter: Parameter;
  value: string | undefined;
  onChoose: (name: string, value: string) => void;
};

/**
 * One choice, changeable in place: a native select for a list of options, a text field for
 * free text (applied when the reader leaves the field or presses Enter, not on every key).
 */
export function ChoiceControl({ template, parameter, value, onChoose }: ChoiceControlProps) {
  const id = `guide-choice-${parameter.name}`;
  const label = stepName(template, parameter);
  if (parameter.kind === 'choice') {
    const known = parameter.options.some((option) => option.value === value);
    return (
      <div className="choices__field">
        <label className="choices__label" htmlFor={id}>
          {label}
        </label>
        <select
          id={id}
          className="choices__select"
          value={value ?? ''}
          onChange={(event) => onChoose(parameter.name, event.currentTarget.value)}
        >
          {known ? null : <option value={value ?? ''}>{value ?? '—'}</option>}
          {parameter.options.map((option) => (
            <option key={option.value} value={option.value}>
              {optionLabel(template, parameter, option.value).label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const apply = (next: string) => {
    if (next !== (value ?? '')) onChoose(parameter.name, next);
  };
  return (
    <div className="choices__field">
      <label className="choices__label" htmlFor={id}>
        {label}
      </label>
      <input
        // A new value from outside (a link, an import) replaces what is in the field.
        key={value ?? ''}
        id={id}
        className="choices__input"
        type="text"
        inputMode={parameter.format === 'number' ? 'decimal' : undefined}
        defaultValue={value ?? ''}
        placeholder={parameter.hint}
        onBlur={(event) => apply(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(event.currentTarget.value);
        }}
      />
    </div>
  );
}
