import { render } from 'preact';
import { initLocale } from '../../utils/locale';
import './style.css';

// The UI language is a setting: read it before the page's modules pick their strings.
void initLocale()
  .then(() => import('./App'))
  .then(({ App }) => render(<App />, document.getElementById('app')!));
