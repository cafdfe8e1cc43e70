export const id = 333;
export const ids = [333];
export const modules = {

/***/ 7333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6970);
/* harmony import */ var _core_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6228);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9442);




const command = {
    spec: {
        name: 'query',
        summary: 'Resolve a recipe, hydrate each component\'s Helm values and print the value at a dot-path selector.',
        usage: 'aicr query --selector PATH [criteria flags as for "aicr recipe"] [--format yaml|json]',
        flags: [
            ..._criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .CRITERIA_FLAGS */ .i,
            { name: 'selector', type: 'string', value: '<path>', description: 'dot-path into the hydrated recipe, e.g. components.gpu-operator.values.driver.version ("." selects everything)' },
            { name: 'format', aliases: ['-t'], type: 'string', value: '<format>', description: 'yaml (scalars print plain) or json', default: 'yaml' },
        ],
        examples: [
            'aicr query --service eks --accelerator h100 --intent training --selector components.gpu-operator.values.driver.version',
            'aicr query --service eks --selector constraints --format json',
        ],
    },
    async run({ flags }, context) {
        if (typeof flags.selector !== 'string') {
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .invalidInput */ .aY)('aicr query needs --selector', { hint: 'e.g. --selector components.gpu-operator.version, or --selector . for the whole document' });
        }
        const format = (0,_core_format_js__WEBPACK_IMPORTED_MODULE_1__/* .parseOutputFormat */ .uH)(String(flags.format));
        const kubeconfig = typeof flags.kubeconfig === 'string' && flags.kubeconfig !== '' ? { kubeconfig: flags.kubeconfig } : {};
        const outcome = await (0,_core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveRecipe */ .pS)((0,_criteria_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .recipeRequestFromFlags */ .P)(flags), { stdin: context.stdin, env: context.env, ...kubeconfig });
        for (const notice of outcome.notices)
            context.logger.debug(notice);
        const document = (0,_core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__/* .hydrateRecipe */ .Gl)(outcome.catalog, outcome.recipe, outcome.criteria);
        context.stdout.write((0,_core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__/* .formatSelection */ .gb)((0,_core_recipe_index_js__WEBPACK_IMPORTED_MODULE_3__/* .select */ .Lt)(document, flags.selector), format));
        return 0;
    },
};


/***/ })

};
