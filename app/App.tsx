import { Section } from './components/Section';
import { SECTIONS } from './sections/registry';

export function App() {
  return (
    <div className="layout">
      <header className="masthead">
        <h1>Batch Normalization, live</h1>
        <p className="lede">The lecture notes, equation by equation, with every number computed by a real engine.</p>
      </header>
      <nav className="toc" aria-label="Sections">
        <ol>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>
                {s.number}. {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <main className="content">
        {SECTIONS.map(({ id, number, title, Component }) => (
          <Section key={id} id={id} number={number} title={title}>
            <Component />
          </Section>
        ))}
      </main>
    </div>
  );
}
