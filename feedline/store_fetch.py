"""Fetched pages into the store, for `ingest --db F URL...` and `watch`.

Each URL is fetched (`feedline.fetch`) with the validators the store kept for it, so an
unchanged page costs a 304 and is recorded as unchanged (`fetches.times_unchanged`, the
run's `pages_unchanged`), with nothing else written. A 200 is ingested like a page file:
its identity (`feed`) is the URL as given, whatever it redirects to; the page is read with
the final URL as its address (a date in it is evidence) and the charset the answer names;
its capture time is `--now`, else the answer's Date header (`http-date`), else this
machine's clock (`fetched`). The validators of a 200 are kept only once the page is stored:
a page that failed is fetched whole again next time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from feedline.errors import page_failure
from feedline.fetch import Fetcher, Validators
from feedline.ingest import CaptureSource, Extract, Ingested, PageInput, content_hash, fetched_page, ingest_pages
from feedline.store import PageResult, Store


def ingest_urls(store: Store, urls: Iterable[str], extract: Extract, fetcher: Fetcher, *,
                now: datetime | None = None, tz: str | None = None, feed: str | None = None,
                run_id: int | None = None, note: Callable[[str], None] = lambda line: None,
                stop: Callable[[], bool] = lambda: False) -> Iterator[Ingested]:
    """Fetch and ingest each URL in turn; one `Ingested` per URL (a 304 is a result with
    `unchanged`, a failed fetch an error). The page and its capture time are
    `ingest.fetched_page`'s. Stops before the next URL once `stop()` is true."""
    for url in urls:
        if stop():
            return
        page = PageInput(url, now, CaptureSource.NOW if now else CaptureSource.NONE, url=url)
        validators = Validators(*store.validators(url))
        try:
            fetched = fetcher.fetch(url, validators)
        except Exception as error:  # noqa: BLE001 - a bug here is this URL's failure, as for a page
            yield Ingested(page, None, page_failure(url, error))
            continue
        page = fetched_page(url, fetched, now)
        if fetched.unchanged:
            store.record_fetch(url, final_url=fetched.final_url, status=304, etag=fetched.etag,
                               last_modified=fetched.last_modified)
            yield Ingested(page, PageResult(unchanged=True))
            continue
        assert fetched.data is not None
        if fetched.truncated:
            note(f"{url}: larger than {fetcher.limits.max_bytes} bytes: cut off there (--max-bytes)")
        for outcome in ingest_pages(store, [page], extract, tz=tz, feed=feed or url, run_id=run_id):
            if outcome.error is None:
                store.record_fetch(url, final_url=fetched.final_url, status=fetched.status, etag=fetched.etag,
                                   last_modified=fetched.last_modified, digest=content_hash(fetched.data))
            yield outcome
