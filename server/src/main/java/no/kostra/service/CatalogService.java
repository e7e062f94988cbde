package no.kostra.service;

import java.util.concurrent.atomic.AtomicReference;
import no.kostra.catalog.Catalog;
import no.kostra.store.CatalogRepository;
import no.kostra.store.FigureRepository;

/** The current catalogue, re-read whenever the data revision moves (imports may add regions and indicators). */
public final class CatalogService {
    private final CatalogRepository repository;
    private final FigureRepository figures;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public CatalogService(CatalogRepository repository, FigureRepository figures) {
        this.repository = repository;
        this.figures = figures;
    }

    public Catalog current() {
        return at(figures.dataRevision());
    }

    public Catalog at(long revision) {
        Snapshot s = snapshot.get();
        if (s == null || s.revision != revision) {
            s = new Snapshot(revision, repository.load());
            snapshot.set(s);
        }
        return s.catalog;
    }

    private record Snapshot(long revision, Catalog catalog) {
    }
}
