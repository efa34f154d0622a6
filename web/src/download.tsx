// "CSV" and "Excel (XLSX)" beside a table: the whole list fetched only when a file is asked for (`load`), written
// by export.ts, handed to the browser as a download. Each button's name (its text, then the table's) says which
// table it is for, since a page holds several.
import { useState } from 'preact/hooks';
import { ApiError } from './api';
import { fileName, toCsv, toXlsx, type ExportTable } from './export';
import { t } from './strings';
import { ErrorNote } from './ui';

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: revoking during the click's handling can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DownloadButtons<R>({ name, load }: { name: string; load: () => Promise<ExportTable<R>> | ExportTable<R> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    try {
      const table = await load();
      const now = new Date();
      const blob = kind === 'csv' ? new Blob([toCsv(table, now)], { type: 'text/csv;charset=utf-8' }) : await toXlsx(table, now);
      saveFile(blob, fileName(name, now, kind));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(t.export.failed, null, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="downloads">
      <span class="small">{t.export.download}</span>{' '}
      {(['csv', 'xlsx'] as const).map((kind) => (
        <button key={kind} type="button" class="secondary" disabled={busy} aria-label={`${t.export.kind[kind]}: ${name}`} onClick={() => void download(kind)}>
          {t.export.kind[kind]}
        </button>
      ))}
      {busy && (
        <span class="small" role="status">
          {' '}
          {t.export.preparing}
        </span>
      )}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
