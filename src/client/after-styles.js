/*
 * Deliberately empty. StoryPage.astro links this classic script right after story-body.css, the
 * stylesheet linked in the body: a parser-inserted script runs only once the style sheets before it
 * have loaded, so the parser waits there in every browser, and nothing below the masthead is shown
 * before its styles. Chromium already holds the parser at such a stylesheet; Firefox does not, and
 * would otherwise paint the story unstyled for as long as story-body.css takes to arrive.
 */
