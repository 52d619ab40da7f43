import { questionOf, stepName } from '../../engine/index';
import { Button } from '../../components/ui/button';
import { CheckIcon } from './check-icon';
import { useFocusOnMount } from '../../components/ui/use-focus-on-mount';
import type { StartScreenProps } from './wizard-types';
import './start-screen.css';

/** The first screen: what the guide is, what it will ask, and one obvious way to begin. */
export function StartScreen({ template, answered, onStart, secondaryActions }: StartScreenProps) {
  const { meta, parameters } = template;
  const total = parameters.length;
  const resuming = answered > 0;
  const headingRef = useFocusOnMount<HTMLHeadingElement>({ exceptFirstScreen: true });
  return (
    <div className="start-screen">
      <section className="start-screen__intro" aria-labelledby="start-title">
        <p className="start-screen__eyebrow">Interactive guide · {total} questions</p>
        <h1 id="start-title" ref={headingRef} tabIndex={-1} className="start-screen__title">
          {meta.title}
        </h1>
        <p className="start-screen__description">{meta.description}</p>
        <dl className="start-screen__meta">
          <div>
            <dt>Difficulty</dt>
            <dd className="start-screen__difficulty">{capitalize(meta.difficulty)}</dd>
          </div>
          {meta.tags.length > 0 ? (
            <div>
              <dt>Topics</dt>
              <dd>
                <ul className="start-screen__tags">
                  {meta.tags.map((tag) => (
                    <li key={tag}>{tag}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="start-screen__actions">
          <Button
            variant="primary"
            className="start-screen__start"
            onClick={onStart}
            aria-describedby="start-progress"
          >
            {resuming ? 'Continue' : 'Start'}
          </Button>
          <p id="start-progress" className="start-screen__hint">
            {resuming
              ? `${answered} of ${total} questions answered`
              : `${total} questions, about a minute`}
          </p>
        </div>
        {secondaryActions ? (
          <div className="start-screen__secondary">{secondaryActions}</div>
        ) : null}
      </section>

      <div className="start-screen__aside">
        <h2 className="start-screen__subtitle">The questions</h2>
        <ol className="start-screen__steps">
          {parameters.map((parameter) => (
            <li key={parameter.name}>
              <span className="start-screen__step-name">{stepName(template, parameter)}</span>
              <span className="start-screen__step-question">{questionOf(template, parameter)}</span>
            </li>
          ))}
        </ol>
        <h2 className="start-screen__subtitle">What you get</h2>
        <ul className="start-screen__gets">
          <li>
            <CheckIcon />A guide for your stack, with code you can copy or download
          </li>
          <li>
            <CheckIcon />A link that brings back exactly these answers
          </li>
          <li>
            <CheckIcon />
            Runs in your browser: nothing you choose is sent anywhere
          </li>
        </ul>
      </div>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
