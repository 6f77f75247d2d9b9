import { DeckPart } from '../../ui/DeckPart';
import { type ReadingItem, READING } from './readingList';
import '../shared/network.css';

/**
 * The reading list in screens a class can read (the outline's reveals): the course and the lecture notes,
 * the books, the papers in two screens, the normalization family's papers in two, then the implementations. Each screen replaces the one before.
 */
const PAGES: readonly (readonly [item: number, from: number, to: number])[][] = [
  [
    [0, 0, 1],
    [1, 0, 1],
  ],
  [
    [2, 0, 1],
    [3, 0, 1],
  ],
  [[4, 0, 3]],
  [[4, 3, 7]],
  [[4, 7, 9]],
  [[4, 9, 11]],
  [[5, 0, 4]],
];

function Item({ item, from, to }: { item: ReadingItem; from: number; to: number }) {
  return (
    <li>
      <p className="reading-item">
        <span className="reading-check" aria-hidden="true">
          ☑
        </span>{' '}
        <span className="reading-notes">{item.notes}</span>
        {from > 0 && ' (continued)'}
      </p>
      <ul>
        {item.refs.slice(from, to).map((r) => (
          <li key={r.url}>
            {r.who}, <a href={r.url}>{r.title}</a>. <span className="reading-where">{r.where}.</span> {r.why}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Section 16 as a presentation step. */
export function ReadingSlide() {
  return (
    <>
      {PAGES.map((page, p) => (
        <DeckPart key={p} from={p} until={p}>
          <ol className="reading">
            {page.map(([i, from, to]) => (
              <Item key={`${i}-${from}`} item={READING[i]} from={from} to={to} />
            ))}
          </ol>
        </DeckPart>
      ))}
    </>
  );
}
