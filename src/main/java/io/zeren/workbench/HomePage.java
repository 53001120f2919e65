package io.zeren.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.zeren.identity.Viewer;
import io.zeren.identity.Viewers;
import io.zeren.shared.HomeCard;
import io.zeren.shared.WorkbenchPage;

/** 工作台: everyone's first page after the login — cards from every module that has something for them. */
@Controller
@WorkbenchPage
class HomePage {

	private final Viewers viewers;

	private final List<HomeCard.Source> sources;

	HomePage(Viewers viewers, List<HomeCard.Source> sources) {
		this.viewers = viewers;
		this.sources = sources;
	}

	@GetMapping("/")
	String home(Model model) {
		Viewer viewer = viewers.require();
		List<HomeCard> cards = new ArrayList<>();
		for (HomeCard.Source source : sources) {
			cards.addAll(source.cardsFor(viewer.username(), viewer.groups()));
		}
		cards.sort(Comparator.comparingInt(HomeCard::order));
		model.addAttribute("cards", cards);
		return "workbench/home";
	}

}
