import { type CSSProperties, type KeyboardEvent, useRef } from 'react';
import { type MatrixPanel, at, cellText, cellTint, maxAbs, rowHeading } from './notesMatrices';
import { Equation } from '../../ui/Equation';
import { ScrollX } from '../../ui/ScrollX';
import './MatrixView.css';

interface Props {
  panel: MatrixPanel;
  /** The selected entry; with `onSelect`, the matrix is a grid the reader can move in with the arrow keys. */
  selected?: { row: number; col: number };
  onSelect?: (cell: { row: number; col: number }) => void;
  digits?: number;
}

const PLURAL = { feature: 'features', neuron: 'neurons', class: 'classes' } as const;
const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** A matrix in the notes' orientation, tinted by sign and size; optionally a selectable grid. */
export function MatrixView({ panel, selected, onSelect, digits = 3 }: Props) {
  const { matrix: m, name, rowKind, samples } = panel;
  const tableRef = useRef<HTMLTableElement>(null);
  const scale = maxAbs(m);
  const interactive = Boolean(onSelect);
  const move = (e: KeyboardEvent, r: number, c: number) => {
    const d = MOVES[e.key];
    if (!d || !onSelect) return;
    e.preventDefault();
    const row = Math.min(Math.max(0, r + d[0]), m.rows - 1), col = Math.min(Math.max(0, c + d[1]), m.cols - 1);
    onSelect({ row, col });
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${row}-${col}"]`)?.focus();
  };
  const colHead = (c: number) => (samples ? String(c + 1) : m.cols === 1 ? '' : `in ${c + 1}`);
  return (
    <figure className="matrix">
      <figcaption>
        <Equation tex={panel.tex} display={false} label={name} />
        <span className="matrix-shape">
          [{m.rows} × {m.cols}]{samples ? ` ${PLURAL[rowKind]} × samples` : ''}
        </span>
      </figcaption>
      <ScrollX className="matrix-scroll" label={`Matrix ${name}`} watch={`${m.rows}×${m.cols}`}>
        <table ref={tableRef} role={interactive ? 'grid' : 'table'} aria-label={`${name}, ${m.rows} × ${m.cols}`}>
          <thead>
            <tr>
              <th scope="col" className="matrix-corner">
                {rowKind}
              </th>
              {Array.from({ length: m.cols }, (_, c) => (
                <th scope="col" key={c}>
                  {colHead(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: m.rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{rowHeading(rowKind, r).replace(/^(neuron|class) /, '')}</th>
                {Array.from({ length: m.cols }, (_, c) => {
                  const v = at(m, r, c);
                  const t = cellTint(v, scale);
                  const isSel = selected?.row === r && selected?.col === c;
                  return (
                    <td
                      key={c}
                      data-cell={`${r}-${c}`}
                      className={`mcell ${t.sign}${isSel ? ' selected' : ''}`}
                      style={{ '--t': t.strength.toFixed(3) } as CSSProperties}
                      {...(interactive
                        ? {
                            role: 'gridcell',
                            tabIndex: isSel ? 0 : -1,
                            'aria-selected': isSel,
                            onClick: () => onSelect?.({ row: r, col: c }),
                            onKeyDown: (e: KeyboardEvent) => move(e, r, c),
                          }
                        : {})}
                    >
                      {cellText(v, digits)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </figure>
  );
}
