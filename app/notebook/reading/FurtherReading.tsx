import { READING } from './readingList';
import '../shared/network.css';

/** Section 16: the notes' reading list, completed with real references (plain links; nothing loads until clicked). */
export function FurtherReading() {
  return (
    <>
      <p>
        The notes end with a to-do list of six names. Here it is, done: each item with the exact work, chapter or page to
        read, and why.
      </p>
      <ol className="reading">
        {READING.map((item) => (
          <li key={item.notes}>
            <p className="reading-item">
              <span className="reading-check" aria-hidden="true">
                ☑
              </span>{' '}
              <span className="reading-notes">{item.notes}</span>
            </p>
            <ul>
              {item.refs.map((r) => (
                <li key={r.url}>
                  {r.who}, <a href={r.url}>{r.title}</a>. <span className="reading-where">{r.where}.</span> {r.why}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <p className="orientation-note">
        This notebook&apos;s engine follows PyTorch&apos;s BatchNorm1d (ε = 10⁻⁵, momentum 0.1, biased variance for
        normalizing, unbiased for the running estimate) and is tested against TensorFlow.js and finite differences.
      </p>
    </>
  );
}
