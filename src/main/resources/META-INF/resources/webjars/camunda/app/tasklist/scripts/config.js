/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * Zeren: overrides app/tasklist/scripts/config.js of camunda-webapp-webjar (same path on the
 * classpath; the application's own resources come first). Started from the 7.24.0 file;
 * only the "app" name, the "locales" block (and, in Tasklist, the shortcut descriptions) differ.
 * Simplified Chinese is the default: browsers asking for another language than zh or en get zh.
 * See docs/webapps-l10n.md.
 */

// Zeren: one login for Zeren's pages and the webapps (docs/security.md): this webapp's login route goes to Zeren's
// login page.
import '/js/webapp-login.js';
// Zeren: product, agency and way home in the header; no vendor banner; controls staff may not use hidden.
import '/js/webapp-face.js';

// Zeren (issue 22, lists): overdue tasks in red, no priority on the cards (/css/tasklist-lists.css).
import '/js/tasklist-lists.js';
// Zeren: forms with rows (dynamiclist) can be completed: form-js's empty error entries no longer disable 完成
// (/js/tasklist-forms.js).
import '/js/tasklist-forms.js';

export default {
  // The app name in the header and on the login page is not a translation key: name it in Chinese
  // (English browsers see it too; the vendor stays Camunda).
  app: {
    name: '任务列表',
    vendor: 'Camunda'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Zeren: task tabs (webapp plugins on tasklist.task.detail): 业务详情 (scripts/task-story.js, docs/workbench.md)
  // and 办理操作 (scripts/zeren-ops/plugin.js, docs/approval-operations.md).
  customScripts: [
    'scripts/task-story',
    'scripts/zeren-ops/plugin.js'
  ],
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '定位到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '定位到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '定位到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
