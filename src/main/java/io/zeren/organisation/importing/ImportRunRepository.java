package io.zeren.organisation.importing;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface ImportRunRepository extends Repository<ImportRun, Long> {

	List<ImportRun> findAllByOrderByImportedAtDesc(Pageable page);

	ImportRun save(ImportRun run);

}
