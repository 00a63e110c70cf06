package fr.rentree.base.ui;

/**
 * A script of a webjar, loaded by the browser at run time (once per page, however many components ask for it): the
 * charts and diagrams need no npm build this way.
 *
 * @param path the script's path under {@code /webjars/}
 */
record WebJarScript(String path) {

    /**
     * A JavaScript expression, in parentheses: a promise resolved once the script has run. Vaadin's base href makes
     * the relative address right under any route.
     */
    String loaded() {
        return """
                ((window.rentreeScripts = window.rentreeScripts || {})['%1$s'] = window.rentreeScripts['%1$s']
                    || new Promise((loaded, failed) => {
                        const script = document.createElement('script');
                        script.src = 'webjars/%1$s';
                        script.onload = loaded;
                        script.onerror = () => { delete window.rentreeScripts['%1$s']; failed(new Error('%1$s')); };
                        document.head.appendChild(script);
                    }))""".formatted(path);
    }
}
