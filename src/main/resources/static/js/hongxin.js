// Hongxin page behaviour. No inline scripts: the Content-Security-Policy allows only same-origin files.
(function () {
    'use strict';
    const csrfToken = document.querySelector('meta[name="_csrf"]');
    const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
    // htmx requests carry the CSRF header like forms carry the hidden field.
    document.body.addEventListener('htmx:configRequest', function (event) {
        if (csrfToken && csrfHeader) {
            event.detail.headers[csrfHeader.content] = csrfToken.content;
        }
    });
    // The projector page's full-screen button.
    document.querySelectorAll('[data-fullscreen]').forEach(function (button) {
        button.addEventListener('click', function () {
            if (document.fullscreenElement) {
                document.exitFullscreen();
            } else if (document.documentElement.requestFullscreen) {
                document.documentElement.requestFullscreen();
            }
        });
    });
    // Buttons with data-confirm ask before submitting.
    document.addEventListener('submit', function (event) {
        const submitter = event.submitter;
        const message = (submitter && submitter.dataset.confirm) || event.target.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);
    // Search forms: the reset button clears the fields and reloads the list.
    document.querySelectorAll('[data-reset-form]').forEach(function (button) {
        button.addEventListener('click', function () {
            const form = button.closest('form');
            form.querySelectorAll('input, select').forEach(function (el) {
                if (el.type === 'checkbox' || el.type === 'radio') {
                    el.checked = false;
                } else if (el.type !== 'hidden' && el.type !== 'submit') {
                    el.value = '';
                }
            });
            form.submit();
        });
    });
    // Select-all checkbox for table rows.
    document.querySelectorAll('[data-select-all]').forEach(function (box) {
        box.addEventListener('change', function () {
            document.querySelectorAll(box.dataset.selectAll).forEach(function (el) { el.checked = box.checked; });
        });
    });
    // Elements with data-autoshow open as a Bootstrap modal on load (dialogs re-shown after a refused save).
    document.querySelectorAll('[data-autoshow]').forEach(function (el) {
        if (window.bootstrap) { new bootstrap.Modal(el).show(); }
    });
    // Copy buttons.
    document.querySelectorAll('[data-copy]').forEach(function (button) {
        button.addEventListener('click', function () {
            const source = document.querySelector(button.dataset.copy);
            if (source && navigator.clipboard) {
                navigator.clipboard.writeText(source.textContent.trim());
            }
        });
    });
    // Org tree: type to filter the units by name.
    document.querySelectorAll('[data-tree-filter]').forEach(function (input) {
        const tree = document.querySelector(input.dataset.treeFilter);
        const empty = input.parentElement.querySelector('[data-tree-empty]');
        if (!tree) { return; }
        input.addEventListener('input', function () {
            const term = input.value.trim().toLowerCase();
            let shown = 0;
            tree.querySelectorAll('li').forEach(function (li) {
                const match = !term || (li.dataset.name || li.textContent).toLowerCase().indexOf(term) >= 0;
                li.classList.toggle('d-none', !match);
                if (match) { shown++; }
            });
            if (empty) { empty.classList.toggle('d-none', shown > 0); }
        });
    });
    // Fields shown only for one value of a select: data-show-when="#unitType=BRANCH".
    document.querySelectorAll('[data-show-when]').forEach(function (el) {
        const parts = el.dataset.showWhen.split('=');
        const source = document.querySelector(parts[0]);
        if (!source) { return; }
        const update = function () { el.classList.toggle('d-none', source.value !== parts[1]); };
        source.addEventListener('change', update);
        update();
    });
    // A select whose options belong under the option chosen in another one (party groups under
    // their branch): data-filter-by="#branchId", matched on the options' data-path prefix.
    document.querySelectorAll('select[data-filter-by]').forEach(function (select) {
        const parent = document.querySelector(select.dataset.filterBy);
        if (!parent) { return; }
        const update = function () {
            const chosen = parent.options[parent.selectedIndex];
            const prefix = chosen && chosen.dataset.path;
            Array.prototype.forEach.call(select.options, function (option) {
                if (!option.dataset.path) { return; }
                const fits = !prefix || option.dataset.path.indexOf(prefix) === 0;
                option.hidden = !fits;
                option.disabled = !fits;
                if (!fits && option.selected) { select.value = ''; }
            });
        };
        parent.addEventListener('change', update);
        update();
    });
    // Calendar: a common entry fills in the period's name, kind and code.
    document.querySelectorAll('select[data-period-preset]').forEach(function (select) {
        select.addEventListener('change', function () {
            const option = select.options[select.selectedIndex];
            const form = select.closest('form');
            if (!option || !option.value || !form) { return; }
            form.querySelector('[name="name"]').value = option.dataset.name || '';
            form.querySelector('[name="code"]').value = option.dataset.code || '';
            const kind = form.querySelector('[name="kind"][value="' + option.dataset.kind + '"]');
            if (kind) { kind.checked = true; }
        });
    });
})();
// File inputs with data-max-bytes refuse a too-large file before it is uploaded (the server refuses it too,
// but only after the whole upload); forms with a data-busy-text button show it while the upload runs.
(function () {
    'use strict';
    document.querySelectorAll('input[type="file"][data-max-bytes]').forEach(function (input) {
        input.addEventListener('change', function () {
            const tooLarge = Array.from(input.files || []).some(function (file) {
                return file.size > Number(input.dataset.maxBytes);
            });
            input.setCustomValidity(tooLarge ? (input.dataset.tooLarge || '') : '');
            input.classList.toggle('is-invalid', !!tooLarge);
            if (tooLarge) {
                input.reportValidity();
            }
        });
    });
    document.addEventListener('submit', function (event) {
        if (event.defaultPrevented) {
            return;
        }
        const button = event.target.querySelector('button[type="submit"][data-busy-text]');
        if (button) {
            button.dataset.idleHtml = button.innerHTML;
            button.disabled = true;
            button.textContent = button.dataset.busyText;
        }
    });
    // Back to a page kept in the browser's cache: the busy button is idle again.
    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            document.querySelectorAll('button[data-busy-text][data-idle-html]').forEach(function (button) {
                button.innerHTML = button.dataset.idleHtml;
                button.disabled = false;
            });
        }
    });
})();
