package io.cmeautopilot.offers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.TaskClosing;

/** When a CME closes the task of an offer or suggestion on their queue, the offer or suggestion follows (or refuses). */
@ApplicationScoped
class LinkedTaskFollower {

    @Inject
    OfferTransitions offers;
    @Inject
    SuggestionTransitions suggestions;

    void onTaskClosing(@Observes TaskClosing closing) {
        String link = closing.link();
        if (link.startsWith(OfferService.OFFERS)) {
            offers.follow(closing, id(link, OfferService.OFFERS));
        } else if (link.startsWith(OfferService.SUGGESTIONS)) {
            suggestions.follow(closing, id(link, OfferService.SUGGESTIONS));
        }
    }

    private static long id(String link, String path) {
        try {
            return Long.parseLong(link.substring(path.length()));
        } catch (NumberFormatException e) {
            throw ProblemException.conflict("task links to '" + link + "', which is not an offer or suggestion");
        }
    }
}
